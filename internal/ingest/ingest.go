// Package ingest runs the ingest pipeline: read inputs, extract facts on
// every core, and write each readout's facts to a store in input order, one
// readout at a time, with progress and a summary. It is the body of the
// ingest command, testable without a process.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
)

// Options configure a run. The zero value reads nothing.
type Options struct {
	Paths   []string
	Workers int            // extraction goroutines; 0 means one per CPU
	Limits  readout.Limits // per-input bounds
	Stdin   io.Reader      // what "-" reads
	// Progress, when set, is told of every readout done.
	Progress func(done int)
}

// Summary is what a run did.
type Summary struct {
	Readouts  int           `json:"readouts"`  // readouts extracted (and written, unless a dry run)
	Created   int           `json:"created"`   // new to the store
	Replaced  int           `json:"replaced"`  // replaced an earlier version
	Unchanged int           `json:"unchanged"` // already stored exactly
	Nodes     int           `json:"nodes"`     // nodes extracted, summed over readouts
	Edges     int           `json:"edges"`     // edges extracted, summed over readouts
	Skipped   int           `json:"skipped"`   // files passed over for their extension
	Failed    int           `json:"failed"`    // inputs that were not ingested
	Elapsed   time.Duration `json:"-"`
}

// Line is the one-line summary printed at the end of a run.
func (s Summary) Line() string {
	return fmt.Sprintf("readouts %d (new %d, replaced %d, unchanged %d), nodes %d, edges %d, skipped %d, failed %d, elapsed %s",
		s.Readouts, s.Created, s.Replaced, s.Unchanged, s.Nodes, s.Edges, s.Skipped, s.Failed, s.Elapsed.Round(time.Millisecond))
}

// Result is one input's outcome, handed to the sink in input order.
type Result struct {
	Source  string
	Readout readout.Readout
	Doc     graph.Document
	Err     error // the input was not a readout, or its write failed
	Written bool  // a store took it; Status says what it did
	Status  graph.WriteStatus
}

// Sink receives results in input order: it writes them to a store, prints
// them, or both. An error it returns stops the run.
type Sink func(ctx context.Context, r *Result) error

// job is one input travelling through the pipeline; done is closed when
// its extraction finished.
type job struct {
	item readout.Item
	res  Result
	done chan struct{}
}

// Run reads every input, extracts facts in parallel and hands results to
// sink one at a time in input order. Memory stays bounded: at most a few
// jobs per worker are in flight however large the input.
func Run(ctx context.Context, opts Options, sink Sink) (Summary, error) {
	start := time.Now()
	x, err := extract.New()
	if err != nil {
		return Summary{}, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	ordered := make(chan *job, workers*4) // input order, bounds what is in flight
	work := make(chan *job, workers*4)
	reader := &readout.Reader{Limits: opts.Limits, Stdin: opts.Stdin}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(work)
		readErr = reader.Read(ctx, opts.Paths, func(it readout.Item) error {
			j := &job{item: it, done: make(chan struct{})}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				extractJob(x, j)
			}
		}()
	}
	sum, sinkErr := drain(ctx, ordered, sink, opts.Progress)
	cancel()
	wg.Wait()
	sum.Skipped = reader.Skipped
	sum.Elapsed = time.Since(start)
	if sinkErr != nil {
		return sum, sinkErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, readErr
	}
	return sum, parent.Err()
}

func extractJob(x *extract.Extractor, j *job) {
	defer close(j.done)
	j.res = Result{Source: j.item.Source, Readout: j.item.Readout, Err: j.item.Err}
	if j.item.Err == nil {
		j.res.Doc = x.Extract(j.item.Readout)
	}
}

// drain hands finished jobs to the sink in input order and keeps the tally.
func drain(ctx context.Context, ordered <-chan *job, sink Sink, progress func(int)) (Summary, error) {
	var sum Summary
	done := 0
	for j := range ordered {
		select {
		case <-j.done:
		case <-ctx.Done():
			return sum, nil
		}
		if err := sink(ctx, &j.res); err != nil {
			return sum, err
		}
		tally(&sum, &j.res)
		done++
		if progress != nil {
			progress(done)
		}
		if ctx.Err() != nil {
			return sum, nil
		}
	}
	return sum, nil
}

func tally(sum *Summary, r *Result) {
	if r.Err != nil {
		sum.Failed++
		return
	}
	sum.Readouts++
	sum.Nodes += len(r.Doc.Nodes) + 1
	sum.Edges += len(r.Doc.Edges)
	if !r.Written {
		return
	}
	switch r.Status {
	case graph.Created:
		sum.Created++
	case graph.Replaced:
		sum.Replaced++
	case graph.Unchanged:
		sum.Unchanged++
	}
}

// StoreSink writes each readout to w; a readout whose write fails is
// counted as failed with the reason, and the run goes on unless the store
// itself is gone.
func StoreSink(w graph.Writer, next Sink) Sink {
	return func(ctx context.Context, r *Result) error {
		if r.Err == nil {
			st, err := w.WriteReadout(ctx, r.Doc)
			if err != nil {
				if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, context.Canceled) {
					return fmt.Errorf("ingest %s: %w", r.Source, err)
				}
				r.Err = err
			}
			r.Status, r.Written = st, err == nil
		}
		if next != nil {
			return next(ctx, r)
		}
		return nil
	}
}
