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
	// Store receives each readout's facts, in input order; nil for a dry run.
	Store graph.Writer
	// BatchSize is how many readouts share one transaction when the store
	// can write batches (graph.BatchWriter); 0 means what the store asks
	// for (batchSizer), else DefaultBatchSize.
	BatchSize int
	// Progress, when set, is told of every readout done.
	Progress func(done int)
}

// DefaultBatchSize readouts share a transaction: enough to spread the
// commit's cost thin, few enough that an interrupted run loses little.
const DefaultBatchSize = 256

// batchSizer is a store that knows how many readouts a transaction of its
// should hold.
type batchSizer interface {
	ReadoutsPerTransaction() int
}

// batchLinger is how long a partial batch waits for more readouts before it
// is written anyway, so that a slow input still shows progress.
const batchLinger = 250 * time.Millisecond

// Summary is what a run did.
type Summary struct {
	Readouts  int `json:"readouts"`  // readouts extracted (and written, unless a dry run)
	Created   int `json:"created"`   // new to the store
	Replaced  int `json:"replaced"`  // replaced an earlier version
	Unchanged int `json:"unchanged"` // already stored exactly
	Nodes     int `json:"nodes"`     // nodes extracted, summed over readouts
	Edges     int `json:"edges"`     // edges extracted, summed over readouts
	Skipped   int `json:"skipped"`   // files passed over for their extension
	// Duplicates are readouts not ingested because an earlier input of the
	// same run had the same text or the same origin (file or record id).
	Duplicates int           `json:"duplicates"`
	Failed     int           `json:"failed"` // other inputs that were not ingested
	Elapsed    time.Duration `json:"-"`
}

// Line is the one-line summary printed at the end of a run.
func (s Summary) Line() string {
	return fmt.Sprintf("readouts %d (new %d, replaced %d, unchanged %d), nodes %d, edges %d, skipped %d, duplicates %d, failed %d, elapsed %s",
		s.Readouts, s.Created, s.Replaced, s.Unchanged, s.Nodes, s.Edges, s.Skipped, s.Duplicates, s.Failed, s.Elapsed.Round(time.Millisecond))
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
	seen := newFirsts()
	go func() {
		defer close(ordered)
		defer close(work)
		readErr = reader.Read(ctx, opts.Paths, func(it readout.Item) error {
			if it.Err == nil {
				it.Err = seen.check(it)
			}
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
	prep, _ := opts.Store.(preparer)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				extractJob(ctx, x, prep, j)
			}
		}()
	}
	w := &writer{store: opts.Store, size: opts.BatchSize, sink: sink, progress: opts.Progress}
	if bs, ok := opts.Store.(batchSizer); ok && w.size <= 0 {
		w.size = bs.ReadoutsPerTransaction()
	}
	if w.size <= 0 {
		w.size = DefaultBatchSize
	}
	sinkErr := w.drain(ctx, ordered)
	sum := w.sum
	cancel()
	wg.Wait()
	if ix, ok := opts.Store.(graph.Indexer); ok && parent.Err() == nil {
		if err := ix.Index(parent); err != nil && sinkErr == nil {
			sinkErr = fmt.Errorf("index: %w", err)
		}
	}
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

// preparer is a store that can work out ahead, on the extraction workers,
// what writing a document takes apart from the store itself, so that its
// writer, which writes one readout at a time, has less to do.
type preparer interface {
	Prepare(graph.Document) any
}

func extractJob(ctx context.Context, x *extract.Extractor, prep preparer, j *job) {
	defer close(j.done)
	j.res = Result{Source: j.item.Source, Readout: j.item.Readout, Err: j.item.Err}
	if j.item.Err == nil {
		doc, err := x.ExtractContext(ctx, j.item.Readout)
		if err != nil {
			j.res.Err = fmt.Errorf("extract: %w", err)
			return
		}
		if prep != nil {
			doc.Prepared = prep.Prepare(doc)
		}
		j.res.Doc = doc
	}
}

// writer takes finished jobs in input order, writes them to the store in
// batches, and hands each result to the sink. It gathers the next batch
// while the last is being written, so extraction goes on beside the
// store's writes instead of waiting for them.
type writer struct {
	store    graph.Writer
	size     int
	sink     Sink
	progress func(int)
	sum      Summary
	done     int
	batch    []*job
}

// pending is a batch on its way to the store, with the context to write it
// under: a run being stopped still writes what was extracted.
type pending struct {
	ctx   context.Context
	batch []*job
}

// drain runs until the input ends or ctx is done; either way every
// readout already extracted is written, so a run stops at a readout
// boundary. It returns the first error writing or the sink met.
func (w *writer) drain(ctx context.Context, ordered <-chan *job) error {
	batches := make(chan pending, 1) // one being written, one waiting
	stopped := make(chan struct{})   // closed when writing failed
	var writeErr error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for p := range batches {
			if writeErr != nil {
				continue // take what is sent, write nothing more
			}
			ctx := p.ctx
			if ctx.Err() != nil {
				// Gathered before the run was stopped: written all the
				// same, as a stop ends a run only at a readout boundary.
				ctx = context.WithoutCancel(ctx)
			}
			if writeErr = w.flush(ctx, p.batch); writeErr != nil {
				close(stopped)
			}
		}
	}()
	send := func(ctx context.Context) bool {
		if len(w.batch) == 0 {
			return true
		}
		select {
		case batches <- pending{ctx, w.batch}:
			w.batch = nil
			return true
		case <-stopped:
			return false
		}
	}
	w.gather(ctx, ordered, send)
	close(batches)
	<-finished
	return writeErr
}

// gather collects finished jobs into batches and sends each on when it is
// full, when it has waited batchLinger for more, or when the input ends.
func (w *writer) gather(ctx context.Context, ordered <-chan *job, send func(context.Context) bool) {
	linger := time.NewTimer(batchLinger)
	defer linger.Stop()
	for {
		var j *job
		var ok bool
		if len(w.batch) == 0 {
			select {
			case j, ok = <-ordered:
			case <-ctx.Done():
				return
			}
		} else {
			select {
			case j, ok = <-ordered:
			case <-linger.C:
				if !send(ctx) {
					return
				}
				continue
			case <-ctx.Done():
				send(context.WithoutCancel(ctx))
				return
			}
		}
		if !ok {
			send(ctx)
			return
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			send(context.WithoutCancel(ctx))
			return
		}
		if len(w.batch) == 0 {
			linger.Reset(batchLinger)
		}
		w.batch = append(w.batch, j)
		if len(w.batch) >= w.size && !send(ctx) {
			return
		}
	}
}

// flush writes a batch and hands its results to the sink in order.
func (w *writer) flush(ctx context.Context, batch []*job) error {
	if w.store != nil {
		if err := w.write(ctx, batch); err != nil {
			return err
		}
	}
	for _, j := range batch {
		if err := w.sink(ctx, &j.res); err != nil {
			return err
		}
		tally(&w.sum, &j.res)
		w.done++
		if w.progress != nil {
			w.progress(w.done)
		}
	}
	return nil
}

// write stores the batch's readouts, as one transaction when the store can.
// A readout the store refuses is marked failed; a store that cannot be
// reached stops the run.
func (w *writer) write(ctx context.Context, batch []*job) error {
	var docs []graph.Document
	var idx []int
	for i, j := range batch {
		if j.res.Err == nil {
			docs = append(docs, j.res.Doc)
			idx = append(idx, i)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	statuses, errs, err := writeDocs(ctx, w.store, docs)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", batch[idx[0]].res.Source, err)
	}
	for k, i := range idx {
		r := &batch[i].res
		r.Status, r.Err, r.Written = statuses[k], errs[k], errs[k] == nil
	}
	return nil
}

func writeDocs(ctx context.Context, store graph.Writer, docs []graph.Document) ([]graph.WriteStatus, []error, error) {
	if bw, ok := store.(graph.BatchWriter); ok {
		return bw.WriteReadouts(ctx, docs)
	}
	statuses := make([]graph.WriteStatus, len(docs))
	errs := make([]error, len(docs))
	for i, d := range docs {
		st, err := store.WriteReadout(ctx, d)
		if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, context.Canceled) {
			return nil, nil, err
		}
		statuses[i], errs[i] = st, err
	}
	return statuses, errs, nil
}

func tally(sum *Summary, r *Result) {
	if errors.Is(r.Err, ErrDuplicate) {
		sum.Duplicates++
		return
	}
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
