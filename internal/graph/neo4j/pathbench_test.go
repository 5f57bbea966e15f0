package neo4j

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/corpus"
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
	keys := pathEndpoints(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	var lat []time.Duration
	for b.Loop() {
		a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
		start := time.Now()
		if _, err := s.Path(ctx, a, c, 6); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(st.TotalEdges()), "edges")
}

// pathEndpoints picks states and officials of the graph as query ends.
func pathEndpoints(b *testing.B, s *Store) []string {
	var keys []string
	for _, probe := range []string{"a", "e", "i", "o", "u"} {
		nodes, err := s.FindNodes(context.Background(), probe, 400)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range nodes {
			if n.Label == "State" || n.Label == "Official" {
				keys = append(keys, n.Key())
			}
		}
	}
	sort.Strings(keys)
	if len(keys) < 50 {
		b.Fatalf("only %d endpoints", len(keys))
	}
	return keys
}
