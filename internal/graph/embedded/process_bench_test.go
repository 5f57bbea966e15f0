package embedded_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
	"github.com/diplograph/diplograph/internal/schema"
)

// BenchmarkQueryPathProcess times what an analyst waits for: the query
// binary started as a new process, answering `path` between random pairs
// of states, and of officials, on a store of world-shaped readouts made by
// the gencorpus and ingest binaries (as many as BenchmarkQueryPath
// searches), from start to exit. It reports the median and 99th
// percentile.
func BenchmarkQueryPathProcess(b *testing.B) {
	bin := b.TempDir()
	root := graphtest.ModuleRoot(b)
	build := exec.Command("go", "build", "-o", bin, "./cmd/query", "./cmd/ingest", "./cmd/gencorpus")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	db := processGraph(b, bin, pathGraphReadouts())
	s, err := embedded.Open(db, embedded.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, label := range []schema.Label{schema.State, schema.Official} {
		b.Run(string(label), func(b *testing.B) {
			keys := graphtest.Endpoints(b, s, label)
			rng := rand.New(rand.NewPCG(1, 2))
			var lat []time.Duration
			for b.Loop() {
				a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
				cmd := exec.Command(filepath.Join(bin, "query"), "--db", db, "--format", "json", "path", a, c)
				cmd.Env = append(os.Environ(), "DIPLOGRAPH_STORE=embedded")
				start := time.Now()
				out, err := cmd.CombinedOutput()
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatalf("query path %s %s: %v\n%s", a, c, err, out)
				}
			}
			graphtest.ReportLatency(b, lat)
		})
	}
}

// processGraph returns the kept store of n world-shaped readouts
// (graphtest.WorldStore), writing it with the binaries, as a user writes
// one, when it is missing or of another layout (it takes minutes).
func processGraph(b *testing.B, bin string, n int) string {
	b.Helper()
	path := graphtest.WorldStore(n)
	if _, err := os.Stat(path); err == nil {
		if s, err := embedded.Open(path, embedded.Options{ReadOnly: true}); err == nil {
			s.Close()
			return path
		}
		os.Remove(path) // an older layout
	}
	b.Logf("building a %d-readout store in %s (kept for later runs)", n, path)
	jsonl := filepath.Join(b.TempDir(), "corpus.jsonl")
	tmp := path + ".building"
	os.Remove(tmp)
	for _, args := range [][]string{
		{"gencorpus", "-n", fmt.Sprint(n), "-out", jsonl}, // BenchmarkQueryPath's corpus
		{"ingest", "--db", tmp, jsonl},
	} {
		cmd := exec.Command(filepath.Join(bin, args[0]), args[1:]...)
		cmd.Env = append(os.Environ(), "DIPLOGRAPH_STORE=embedded")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	keep(b, tmp, path)
	return path
}

// keep moves a store just written to where later runs find it, without
// its WAL files (a closed store has none to lose).
func keep(b *testing.B, tmp, path string) {
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}
