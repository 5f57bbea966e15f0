package neo4j

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
	"github.com/diplograph/diplograph/internal/ingest"
)

// pathGraphReadouts is the generated corpus BenchmarkNeo4jQueryPath asks
// over: the embedded store's benchmark graph, over a million relationships.
const pathGraphReadouts = 50000

// BenchmarkNeo4jQueryPath times `path` between random states and officials
// on a Neo4j graph of over a million relationships, reporting p50-ms and
// p99-ms as the embedded store's BenchmarkQueryPath does. The graph is built
// once and kept on the server; this benchmark owns the database it runs on,
// so point NEO4J_TEST_URI at a server of its own.
func BenchmarkNeo4jQueryPath(b *testing.B) {
	opts := testServer(b)
	ctx := context.Background()
	s, err := Open(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	mustMigrate(b, s)
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Nodes["Readout"] != pathGraphReadouts || st.TotalEdges() < 1_000_000 {
		b.Logf("building the %d-readout graph on %s (kept for later runs)", pathGraphReadouts, opts.URI)
		wipe(b, s)
		path := filepath.Join(b.TempDir(), "corpus.jsonl")
		if err := corpus.WriteJSONLFile(path, 1, pathGraphReadouts); err != nil {
			b.Fatal(err)
		}
		if _, err := ingest.Run(ctx, ingest.Options{Paths: []string{path}, Store: s}, ingest.Discard); err != nil {
			b.Fatal(err)
		}
		if st, err = s.Stats(ctx); err != nil {
			b.Fatal(err)
		}
	}
	keys := graphtest.Endpoints(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	var lat []time.Duration
	for b.Loop() {
		a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
		start := time.Now()
		if _, err := s.Path(ctx, a, c, graph.PathQuery{MaxHops: 6}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	graphtest.ReportLatency(b, lat)
	b.ReportMetric(float64(st.TotalEdges()), "edges")
}
