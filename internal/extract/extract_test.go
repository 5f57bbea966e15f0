package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

var update = flag.Bool("update", false, "rewrite golden files from the extractor's output")

// golden is the reviewable form of one readout's extraction: MENTIONS
// edges are left out, since every node listed is mentioned.
type golden struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Date     string       `json:"date"`
	Location string       `json:"location"`
	Nodes    []goldenNode `json:"nodes"`
	Edges    []goldenEdge `json:"edges"`
}

type goldenNode struct {
	Key   string            `json:"key"`
	Name  string            `json:"name"`
	Props map[string]string `json:"props,omitempty"`
}

type goldenEdge struct {
	Type     string `json:"type"`
	From     string `json:"from"`
	To       string `json:"to"`
	Evidence string `json:"evidence"`
}

func toGolden(r readout.Readout, d graph.Document) golden {
	g := golden{ID: r.ID, Title: r.Title, Date: r.Date, Location: r.Location}
	for _, n := range d.Nodes {
		g.Nodes = append(g.Nodes, goldenNode{Key: n.Key(), Name: n.Name, Props: n.Props})
	}
	for _, e := range d.Edges {
		if e.Type != schema.Mentions {
			g.Edges = append(g.Edges, goldenEdge{Type: string(e.Type), From: e.From, To: e.To, Evidence: e.Evidence})
		}
	}
	return g
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func readFixture(t testing.TB, path string) readout.Readout {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := readout.Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// TestGolden extracts every fixture readout and compares the result with
// its golden file; -update rewrites them for review in the diff.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	files, _ := filepath.Glob("../../fixtures/readouts/*.txt")
	md, _ := filepath.Glob("../../fixtures/readouts/*.md")
	files = append(files, md...)
	sort.Strings(files)
	if len(files) < 15 {
		t.Fatalf("%d fixture readouts, want at least 15", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		t.Run(name, func(t *testing.T) {
			r := readFixture(t, f)
			got, err := json.MarshalIndent(toGolden(r, x.Extract(r)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden (run go test ./internal/extract -run TestGolden -update): %v", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("extraction of %s differs from %s:\n%s", f, path, diffLines(string(want), string(got)))
			}
		})
	}
}

// diffLines lists the lines only one side has: enough to see what changed.
func diffLines(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[strings.TrimSpace(l)] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[strings.TrimSpace(l)] {
			b.WriteString("- " + strings.TrimSpace(l) + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[strings.TrimSpace(l)] {
			b.WriteString("+ " + strings.TrimSpace(l) + "\n")
		}
	}
	return b.String()
}

// TestEvidenceIsASentence checks that every edge cites a sentence that
// stands verbatim in the readout.
func TestEvidenceIsASentence(t *testing.T) {
	x := newExtractor(t)
	files, _ := filepath.Glob("../../fixtures/readouts/*")
	for _, f := range files {
		r := readFixture(t, f)
		for _, e := range x.Extract(r).Edges {
			if e.Type == schema.Mentions {
				continue
			}
			if e.Evidence == "" || !strings.Contains(r.Body, e.Evidence) {
				t.Errorf("%s: %s %s->%s cites %q, not a sentence of the readout", f, e.Type, e.From, e.To, e.Evidence)
			}
			if e.Readout != r.ID || e.Date != r.Date {
				t.Errorf("%s: edge cites readout %s dated %q, want %s %q", f, e.Readout, e.Date, r.ID, r.Date)
			}
		}
	}
}

// TestExtractStopsWhenCancelled checks that a done context stops
// extraction inside a readout, one sentence long or many, and that nothing
// half-read comes back.
func TestExtractStopsWhenCancelled(t *testing.T) {
	x := newExtractor(t)
	body := "A long readout\n\nParis, 3 May 2022\n\n" + longSentence(256<<10) + ".\n"
	r, err := readout.Parse("long.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d, err := x.ExtractContext(ctx, r)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(d.Nodes)+len(d.Edges) != 0 {
		t.Errorf("a cancelled extraction returned %d nodes and %d edges", len(d.Nodes), len(d.Edges))
	}
	if d, err := x.ExtractContext(context.Background(), r); err != nil || len(d.Edges) == 0 {
		t.Errorf("uncancelled: %v, %d edges", err, len(d.Edges))
	}
}
