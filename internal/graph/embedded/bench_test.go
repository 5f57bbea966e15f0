package embedded_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
	"github.com/diplograph/diplograph/internal/ingest"
	"github.com/diplograph/diplograph/internal/schema"
)

// pathGraphReadouts is the size of the world-shaped corpus (gencorpus's
// default shape) the path benchmarks search: DIPLOGRAPH_SCALE_READOUTS
// when set (1000000 for the large run), else 100,000.
func pathGraphReadouts() int {
	if n, err := strconv.Atoi(os.Getenv("DIPLOGRAPH_SCALE_READOUTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// benchGraph returns an embedded store holding a world-shaped corpus of n
// readouts. Building it takes a minute or more, so the file is kept in
// the temp directory and reused by later runs.
func benchGraph(b *testing.B, n int) *embedded.Store {
	b.Helper()
	path := graphtest.WorldStore(n)
	if _, err := os.Stat(path); err != nil {
		buildGraph(b, path, n)
	}
	s, err := embedded.Open(path, embedded.Options{ReadOnly: true})
	if errors.Is(err, embedded.ErrVersion) {
		os.Remove(path) // kept by an older version: build it again
		buildGraph(b, path, n)
		s, err = embedded.Open(path, embedded.Options{ReadOnly: true})
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func buildGraph(b *testing.B, path string, n int) {
	b.Logf("building a %d-readout graph in %s (kept for later runs)", n, path)
	jsonl := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := corpus.WriteWorldFile(jsonl, 1, n); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := embedded.Open(tmp, embedded.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Options{Paths: []string{jsonl}, Store: s}, ingest.Discard); err != nil {
		b.Fatal(err)
	}
	s.Close()
	keep(b, tmp, path)
}

// BenchmarkQueryPath times `path` (the actor relations, at most six hops)
// between random pairs of states and of officials on the world-shaped
// graph, the store already open, and reports the median and 99th
// percentile latency with the graph's size.
func BenchmarkQueryPath(b *testing.B) {
	s := benchGraph(b, pathGraphReadouts())
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, label := range []schema.Label{schema.State, schema.Official} {
		b.Run(string(label), func(b *testing.B) {
			keys := graphtest.Endpoints(b, s, label)
			rng := rand.New(rand.NewPCG(1, 2))
			if _, err := s.Path(ctx, keys[0], keys[1], graph.PathQuery{MaxHops: 6}); err != nil { // loads the adjacency once
				b.Fatal(err)
			}
			var lat []time.Duration
			found := 0
			for b.Loop() {
				a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
				start := time.Now()
				paths, err := s.Path(ctx, a, c, graph.PathQuery{MaxHops: 6})
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				if len(paths) > 0 {
					found++
				}
			}
			graphtest.ReportLatency(b, lat)
			b.ReportMetric(float64(st.TotalNodes()), "nodes")
			b.ReportMetric(float64(st.TotalEdges()), "edges")
			b.ReportMetric(float64(found)/float64(len(lat)), "found/op")
		})
	}
}

var _ graph.Reader = (*embedded.Store)(nil)
