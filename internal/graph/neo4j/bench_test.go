package neo4j

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/ingest"
)

// benchReadouts is how many distinct readouts each ingest writes.
const benchReadouts = 2000

// warmUp is how long each sub-benchmark writes, untimed, before the timed
// ingests: the server plans its statements and the JVM compiles its hot
// code during the first writes, which a long-running server has long done.
// On a freshly started server the first full batched ingests ran at half
// the speed of later ones.
const warmUp = 20 * time.Second

var benchCorpus struct {
	once sync.Once
	docs []graph.Document
}

func benchDocs(b *testing.B) []graph.Document {
	benchCorpus.once.Do(func() { benchCorpus.docs = variedDocs(b, benchReadouts) })
	return benchCorpus.docs
}

// BenchmarkNeo4jIngest writes the same 2,000 readouts into an empty graph
// per iteration: batched as ingest writes them (ingest.DefaultBatchSize
// readouts per transaction, through WriteReadouts), per row (one
// auto-commit statement per node and edge, the way a naive client writes),
// and batched-tx1 (WriteReadout: one transaction per readout, its rows in
// UNWIND statements). Run it with -benchtime=1x: per row takes minutes.
func BenchmarkNeo4jIngest(b *testing.B) {
	b.Run("batched", func(b *testing.B) { benchIngest(b, Options{}, ingest.DefaultBatchSize) })
	b.Run("per-row", func(b *testing.B) { benchIngest(b, Options{PerRow: true}, 1) })
	b.Run("batched-tx1", func(b *testing.B) { benchIngest(b, Options{}, 1) })
}

// BenchmarkNeo4jBatchSize sweeps the rows per UNWIND statement, batched as
// ingest writes.
func BenchmarkNeo4jBatchSize(b *testing.B) {
	for _, n := range []int{10, 100, 500, 1000, 2000, 5000, 10000} {
		b.Run(fmt.Sprintf("rows-%d", n), func(b *testing.B) {
			benchIngest(b, Options{BatchSize: n}, ingest.DefaultBatchSize)
		})
	}
}

// benchIngest writes the documents perTx at a time: 1 through WriteReadout,
// more through WriteReadouts.
func benchIngest(b *testing.B, tweak Options, perTx int) {
	docs := benchDocs(b)
	s := openTestStore(b, func(o *Options) {
		o.BatchSize, o.PerRow = tweak.BatchSize, tweak.PerRow
	})
	mustMigrate(b, s)
	ctx := context.Background()
	for deadline := time.Now().Add(warmUp); time.Now().Before(deadline); {
		wipe(b, s)
		for start := 0; start < len(docs) && time.Now().Before(deadline); start += perTx {
			if err := ingestAll(ctx, s, docs[start:min(start+perTx, len(docs))], perTx); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer() // ns/op is one ingest of the corpus, as readouts/s
	var elapsed, slowest time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		wipe(b, s)
		b.StartTimer()
		start := time.Now()
		if err := ingestAll(ctx, s, docs, perTx); err != nil {
			b.Fatal(err)
		}
		took := time.Since(start)
		elapsed += took
		slowest = max(slowest, took)
	}
	b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "readouts/s")
	// A stalled ingest (see README, Performance) shows here, not in the mean.
	b.ReportMetric(slowest.Seconds(), "slowest-s")
}

func ingestAll(ctx context.Context, s *Store, docs []graph.Document, perTx int) error {
	if perTx == 1 {
		for _, d := range docs {
			if _, err := s.WriteReadout(ctx, d); err != nil {
				return err
			}
		}
		return nil
	}
	for start := 0; start < len(docs); start += perTx {
		_, errs, err := s.WriteReadouts(ctx, docs[start:min(start+perTx, len(docs))])
		if err == nil {
			err = errors.Join(errs...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
