package ingest

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
)

// collect runs the pipeline and returns the documents in the order the
// sink saw them.
func collect(t *testing.T, workers int, paths ...string) ([]graph.Document, Summary) {
	t.Helper()
	var docs []graph.Document
	sum, err := Run(context.Background(), Options{Paths: paths, Workers: workers}, func(_ context.Context, r *Result) error {
		if r.Err == nil {
			docs = append(docs, r.Doc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, sum
}

// TestParallelMatchesSerial checks that extraction on many workers gives
// the same documents, in the same input order, as one worker. Run it with
// -race: the extractor is shared by every worker.
func TestParallelMatchesSerial(t *testing.T) {
	dirs := []string{"../../fixtures/readouts", "../../fixtures/devset"}
	serial, s1 := collect(t, 1, dirs...)
	parallel, s8 := collect(t, 8, dirs...)
	if len(serial) < 50 || s1.Readouts != s8.Readouts {
		t.Fatalf("read %d and %d readouts", s1.Readouts, s8.Readouts)
	}
	if !reflect.DeepEqual(serial, parallel) {
		t.Error("8 workers gave different documents or order than 1")
	}
}

// TestStoreIdempotent ingests twice into an embedded store: the second
// run changes nothing.
func TestStoreIdempotent(t *testing.T) {
	s, err := embedded.Open(filepath.Join(t.TempDir(), "g.db"), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	run := func() Summary {
		sum, err := Run(ctx, Options{Paths: []string{"../../fixtures/readouts"}, Store: s}, Discard)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	first := run()
	st1, _ := s.Stats(ctx)
	second := run()
	st2, _ := s.Stats(ctx)
	if first.Created != first.Readouts || second.Unchanged != second.Readouts || second.Readouts == 0 {
		t.Errorf("first %+v, second %+v", first, second)
	}
	if !reflect.DeepEqual(st1, st2) {
		t.Errorf("stats changed on re-ingest: %+v then %+v", st1, st2)
	}
}

// TestInterruptStopsAtReadoutBoundary cancels a run as its first results
// arrive and checks that it stops early, counting exactly the readouts it
// handed on.
func TestInterruptStopsAtReadoutBoundary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := corpus.WriteJSONLFile(path, 3, 3000); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	sum, err := Run(ctx, Options{Paths: []string{path}, Workers: 2, BatchSize: 10}, func(_ context.Context, r *Result) error {
		seen++
		cancel()
		return nil
	})
	if err == nil {
		t.Fatal("an interrupted run reported no error")
	}
	if sum.Readouts+sum.Failed != seen || seen >= 3000 || seen == 0 {
		t.Errorf("sink saw %d of 3000, summary counts %d", seen, sum.Readouts+sum.Failed)
	}
}
