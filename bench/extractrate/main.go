// Command extractrate times the project's extractor alone: it reads a JSON
// Lines corpus with the reader ingest uses (readout.Reader), builds
// extract.New(), and runs Extract over every readout in turn on the calling
// goroutine. Only the extraction loop is timed; reading the corpus and
// loading the lexicon and sentence model are not.
//
//	GOMAXPROCS=1 extractrate corpus.jsonl
//	GOMAXPROCS=1 extractrate -cpuprofile cpu.prof corpus.jsonl
//
// It prints one line, "words N seconds S words/s R", where words are the
// whitespace-separated tokens of the readouts' bodies, as
// bench/spacy_rate.py counts those of the texts it is given.
// bench/extract-vs-spacy.sh runs it pinned to one core.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/readout"
)

func main() {
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the timed loop to `file`")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: extractrate [-cpuprofile FILE] CORPUS.jsonl")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *cpuProfile); err != nil {
		fmt.Fprintf(os.Stderr, "extractrate: %v\n", err)
		os.Exit(1)
	}
}

func run(path, cpuProfile string) error {
	rs, err := readAll(path)
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("build extractor: %w", err)
	}
	words := 0
	for _, r := range rs {
		words += len(strings.Fields(r.Body))
	}
	stop, err := startProfile(cpuProfile)
	if err != nil {
		return err
	}
	secs, edges := timeExtract(x, rs)
	if err := stop(); err != nil {
		return err
	}
	if edges == 0 {
		return fmt.Errorf("%d readouts gave no edges: not a corpus of readouts?", len(rs))
	}
	fmt.Printf("words %d seconds %.3f words/s %.0f\n", words, secs, float64(words)/secs)
	return nil
}

// readAll reads every readout of the corpus into memory, so that reading
// is not timed. A record that is not a readout fails the run: the two
// tools must see the same texts.
func readAll(path string) ([]readout.Readout, error) {
	var rs []readout.Readout
	rd := &readout.Reader{}
	err := rd.Read(context.Background(), []string{path}, func(it readout.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Source, it.Err)
		}
		rs = append(rs, it.Readout)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rs, nil
}

// timeExtract extracts every readout and returns the seconds it took and
// the edges found, which keeps the work from being optimised away.
func timeExtract(x *extract.Extractor, rs []readout.Readout) (float64, int) {
	edges := 0
	start := time.Now()
	for _, r := range rs {
		edges += len(x.Extract(r).Edges)
	}
	return time.Since(start).Seconds(), edges
}

// startProfile starts a CPU profile into path, if one is asked for, and
// returns the function that ends it.
func startProfile(path string) (func() error, error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
