package ingest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
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
// resident memory, the file size per readout, and the graph's nodes by
// label and edges by type. It leaves the store where the path benchmarks
// (BenchmarkQueryPath in internal/graph/embedded) look for it.
func BenchmarkScaleIngestEmbedded(b *testing.B) {
	n := scaleReadouts(b)
	LimitMemory() // as the ingest command runs
	dir := b.TempDir()
	src := filepath.Join(dir, "corpus.jsonl")
	if err := corpus.WriteWorldFile(src, 1, n); err != nil {
		b.Fatal(err)
	}
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
	reportShape(b, s)
	s.Close()
	kept := graphtest.WorldStore(n)
	for _, p := range []string{kept, db + "-wal", db + "-shm"} {
		os.Remove(p)
	}
	if err := os.Rename(db, kept); err != nil {
		b.Fatal(err)
	}
	b.Logf("store kept in %s", kept)
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

var _ graph.Reader = (*embedded.Store)(nil)
