package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/schema"
)

// scaleReadouts reads DIPLOGRAPH_SCALE_READOUTS, the size of the scale
// benchmarks' corpus (100000 or 1000000): they take minutes, so they run
// only when it is set.
func scaleReadouts(b *testing.B) int {
	n, err := strconv.Atoi(os.Getenv("DIPLOGRAPH_SCALE_READOUTS"))
	if err != nil || n <= 0 {
		b.Skip("set DIPLOGRAPH_SCALE_READOUTS (100000, 1000000) to run the scale benchmarks; they take minutes")
	}
	return n
}

// BenchmarkScaleIngestEmbedded ingests a world-shaped corpus (gencorpus's
// default shape) into a new embedded store on every core, once, and
// reports the sustained rate over the whole corpus, the process's peak
// resident memory, the file size per readout, the graph's nodes by label
// and edges by type, and then path latency between random pairs of states
// and of officials on the store it built.
func BenchmarkScaleIngestEmbedded(b *testing.B) {
	n := scaleReadouts(b)
	dir := b.TempDir()
	src := filepath.Join(dir, "corpus.jsonl")
	writeWorld(b, src, n)
	ctx := context.Background()
	db := filepath.Join(dir, "g.db")
	var sum Summary
	for b.Loop() {
		os.Remove(db)
		s, err := embedded.Open(db, embedded.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		if sum, err = Run(ctx, Options{Paths: []string{src}, Store: s}, Discard); err != nil || sum.Readouts != n {
			b.Fatalf("ingested %d of %d: %v", sum.Readouts, n, err)
		}
		s.Close()
	}
	b.ReportMetric(float64(n)/sum.Elapsed.Seconds(), "readouts/s")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-rss-MB")
	}
	b.ReportMetric(float64(fileSize(db))/float64(n), "file-B/readout")
	s, err := embedded.Open(db, embedded.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	reportShape(b, s)
	reportPaths(b, s)
}

func writeWorld(b *testing.B, path string, n int) {
	g, err := corpus.NewWorld(corpus.WorldOptions{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := g.WriteJSONL(w, n); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

func fileSize(db string) int64 {
	var total int64
	for _, p := range []string{db, db + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			total += fi.Size()
		}
	}
	return total
}

// reportShape reports the graph's nodes by label and edges by type.
func reportShape(b *testing.B, s *embedded.Store) {
	st, err := s.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range schema.Labels {
		b.ReportMetric(float64(st.Nodes[l]), "nodes-"+string(l))
	}
	for _, t := range schema.RelTypes {
		b.ReportMetric(float64(st.Edges[t]), "edges-"+string(t))
	}
	out, _ := json.Marshal(st)
	b.Logf("graph: %s", out)
}

// reportPaths times path queries, the store already open, between random
// pairs of states and of officials found in the store.
func reportPaths(b *testing.B, s *embedded.Store) {
	ctx := context.Background()
	for _, label := range []schema.Label{schema.State, schema.Official} {
		var keys []string
		for _, probe := range []string{"a", "e", "i", "o", "u"} {
			nodes, err := s.FindNodes(ctx, probe, 400)
			if err != nil {
				b.Fatal(err)
			}
			for _, nd := range nodes {
				if nd.Label == label {
					keys = append(keys, nd.Key())
				}
			}
		}
		if len(keys) < 2 {
			b.Fatalf("only %d %s nodes to pair", len(keys), label)
		}
		rng := rand.New(rand.NewPCG(7, 8))
		var lat []time.Duration
		for range 200 {
			a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
			start := time.Now()
			if _, err := s.Path(ctx, a, c, graph.PathQuery{MaxHops: 6}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(ms(0.50), "path-"+string(label)+"-p50-ms")
		b.ReportMetric(ms(0.99), "path-"+string(label)+"-p99-ms")
	}
}

var _ graph.Reader = (*embedded.Store)(nil)
