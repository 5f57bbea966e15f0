package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph/embedded"
)

// benchCorpus writes n generated readouts to a JSON Lines file once per
// benchmark run.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := corpus.WriteJSONLFile(path, 1, n); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkIngestEmbedded ingests a generated corpus into a new embedded
// store on every core and reports readouts/s.
func BenchmarkIngestEmbedded(b *testing.B) {
	const n = 2000
	path := benchCorpus(b, n)
	ctx := context.Background()
	total := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := embedded.Open(filepath.Join(b.TempDir(), "g.db"), embedded.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Run(ctx, Options{Paths: []string{path}, Store: s}, Discard)
		if err != nil || sum.Readouts != n {
			b.Fatalf("ingested %d of %d: %v", sum.Readouts, n, err)
		}
		total += sum.Readouts
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "readouts/s")
}
