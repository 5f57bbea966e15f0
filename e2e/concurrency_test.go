package e2e

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// genCorpus writes n generated readouts to a JSON Lines file.
func genCorpus(t *testing.T, seed, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	r := runCmd(t, "", "gencorpus", "-seed", itoa(seed), "-n", itoa(n), "-out", path)
	if r.code != 0 {
		t.Fatalf("gencorpus: %s", r.stderr)
	}
	return path
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// counts is what `query check --format json` reports, as a map.
func counts(t *testing.T, db string) map[string]string {
	t.Helper()
	r := runCmd(t, "", "query", "--db", db, "check", "--format", "json")
	if r.code != 0 {
		t.Fatalf("check exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	var check struct {
		Nodes, Edges []struct {
			Name  string
			Count int
		}
		Dangling int
	}
	if err := json.Unmarshal([]byte(r.stdout), &check); err != nil {
		t.Fatalf("check output: %v\n%s", err, r.stdout)
	}
	out := map[string]string{"check dangling edges": itoa(check.Dangling)}
	for _, n := range check.Nodes {
		out["node "+n.Name] = itoa(n.Count)
	}
	for _, e := range check.Edges {
		out["edge "+e.Name] = itoa(e.Count)
	}
	if out["check dangling edges"] != "0" {
		t.Errorf("dangling edges: %s", out["check dangling edges"])
	}
	return out
}

func cleanRun(t *testing.T, inputs ...string) map[string]string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "clean.db")
	if r := runCmd(t, "", "ingest", append([]string{"--db", db}, inputs...)...); r.code != 0 {
		t.Fatalf("clean ingest: %s", r.stderr)
	}
	return counts(t, db)
}

// TestConcurrentIngestsAndQueries runs two ingests into one store at once
// while queries run: the ingests serialise safely, every query sees whole
// readouts, and the result equals one clean run of both inputs.
func TestConcurrentIngestsAndQueries(t *testing.T) {
	a, b := genCorpus(t, 11, 1500), genCorpus(t, 12, 1500)
	db := filepath.Join(t.TempDir(), "shared.db")
	var wg sync.WaitGroup
	results := make([]result, 2)
	for i, in := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = runCmd(t, "", "ingest", "--db", db, in)
		}()
	}
	done, finished := make(chan struct{}), make(chan struct{})
	var checks int
	go func() {
		defer close(done)
		for i := 0; i < 200; i++ {
			select {
			case <-finished:
				return
			default:
			}
			if _, err := os.Stat(db); err != nil {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			r := runCmd(t, "", "query", "--db", db, "check", "--format", "csv")
			switch {
			case r.code == 0 && strings.Contains(r.stdout, "check,dangling edges,0"):
				checks++
			case strings.Contains(r.stderr, "no graph yet"):
				// the first ingest has not created the tables yet
			default:
				t.Errorf("query during ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		}
	}()
	wg.Wait()
	close(finished)
	<-done
	for i, r := range results {
		if r.code != 0 {
			t.Errorf("ingest %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	if checks == 0 {
		t.Error("no query ran while the ingests wrote")
	}
	got, want := counts(t, db), cleanRun(t, a, b)
	if !equalCounts(got, want) {
		t.Errorf("concurrent ingests gave %v, one clean run %v", got, want)
	}
}

func equalCounts(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestInterruptedIngestRecovers kills ingest at random points, first with
// SIGINT (it stops at a readout boundary and says how far it got), then
// with SIGKILL; each time the store opens cleanly with no dangling edge,
// and running the same ingest again gives exactly a clean run's graph.
func TestInterruptedIngestRecovers(t *testing.T) {
	in := genCorpus(t, 21, 3000)
	want := cleanRun(t, in)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL, syscall.SIGKILL} {
		db := filepath.Join(t.TempDir(), "g.db")
		delay := time.Duration(300+rng.IntN(1500)) * time.Millisecond
		cmd := exec.Command(filepath.Join(bin, "ingest"), "--db", db, in)
		cmd.Env = cleanEnv()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(sig)
		cmd.Wait()
		if sig == syscall.SIGINT && cmd.ProcessState.ExitCode() == 0 {
			t.Logf("ingest finished before SIGINT after %s", delay)
		} else if sig == syscall.SIGINT && !strings.Contains(stderr.String(), "interrupted after") {
			t.Errorf("SIGINT: no word of how far it got:\n%s", stderr.String())
		}
		if _, err := os.Stat(db); err == nil {
			counts(t, db) // opens cleanly, no dangling edge
		}
		if r := runCmd(t, "", "ingest", "--db", db, in); r.code != 0 {
			t.Fatalf("re-ingest after %v at %s: %s", sig, delay, r.stderr)
		}
		if got := counts(t, db); !equalCounts(got, want) {
			t.Errorf("after %v at %s and a re-run: %v, want %v", sig, delay, got, want)
		}
	}
}
