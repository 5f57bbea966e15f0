package neo4j

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
)

// benchReadouts is how many distinct readouts each ingest writes.
const benchReadouts = 2000

var benchCorpus struct {
	once sync.Once
	docs []graph.Document
}

func benchDocs(b *testing.B) []graph.Document {
	benchCorpus.once.Do(func() { benchCorpus.docs = variedDocs(b, benchReadouts) })
	return benchCorpus.docs
}

// BenchmarkNeo4jIngest writes the same 2,000 readouts into an empty graph
// per iteration, batched (one transaction per readout, UNWIND statements)
// and per row (one auto-commit statement per node and edge). Run it with
// -benchtime=1x: one iteration of per-row takes minutes.
func BenchmarkNeo4jIngest(b *testing.B) {
	b.Run("batched", func(b *testing.B) { benchIngest(b, Options{}) })
	b.Run("per-row", func(b *testing.B) { benchIngest(b, Options{PerRow: true}) })
}

// BenchmarkNeo4jBatchSize sweeps the rows per UNWIND statement.
func BenchmarkNeo4jBatchSize(b *testing.B) {
	for _, n := range []int{1, 10, 100, 250, 500, 1000, 2000} {
		b.Run(fmt.Sprintf("batched-%d", n), func(b *testing.B) { benchIngest(b, Options{BatchSize: n}) })
	}
}

func benchIngest(b *testing.B, tweak Options) {
	docs := benchDocs(b)
	s := openTestStore(b, func(o *Options) {
		o.BatchSize, o.PerRow = tweak.BatchSize, tweak.PerRow
	})
	mustMigrate(b, s)
	ctx := context.Background()
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		wipe(b, s)
		b.StartTimer()
		start := time.Now()
		for _, d := range docs {
			if _, err := s.WriteReadout(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "readouts/s")
}
