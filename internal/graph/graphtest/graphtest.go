// Package graphtest is the conformance suite every graph store passes: the
// same fixture readouts written, re-written and replaced, and the same
// questions answered, with the answers compared to one golden file so that
// every backend gives the same answer to the same question.
//
// A backend's test is a few lines:
//
//	func TestConformance(t *testing.T) { graphtest.Run(t, "embedded", newStore) }
package graphtest

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

var (
	update          = flag.Bool("update-conformance", false, "rewrite the conformance golden answers from this run")
	updateDocuments = flag.Bool("update-documents", false, "take a new snapshot of the fixture documents from the extractor")
)

// Opener returns a new, empty store for one test; it registers its own cleanup.
type Opener func(t *testing.T) graph.Store

// Run runs every scenario against stores made by open. Subtests are named
// scenario/name, so that "go test -run Conformance/.*/neo4j" picks one backend.
func Run(t *testing.T, name string, open Opener) {
	docs := FixtureDocuments(t)
	scenarios := []struct {
		name string
		fn   func(*testing.T, graph.Store, []graph.Document)
	}{
		{"write", testWrite},
		{"idempotent", testIdempotent},
		{"replace", testReplace},
		{"answers", testAnswers},
		{"questions", testQuestions},
		{"not-found", testNotFound},
		{"verbatim", testVerbatim},
		{"find", testFind},
		{"no-origin", testNoOrigin},
		{"cites-another", testCitesAnother},
		{"stored-once", testStoredOnce},
		{"batch-isolates", testBatchIsolates},
		{"dump", testDump},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Run(name, func(t *testing.T) {
				s := open(t)
				ctx := context.Background()
				if err := s.Migrate(ctx); err != nil {
					t.Fatalf("migrate: %v", err)
				}
				sc.fn(t, s, docs)
			})
		})
	}
}

// FixtureDocuments returns the documents the suite writes: the extraction
// of every readout under fixtures/readouts, as snapshotted in
// testdata/documents.json. A snapshot keeps store tests independent of
// extraction changes; -update-documents takes a new one (and then
// -update-conformance rewrites the answers to match).
func FixtureDocuments(t testing.TB) []graph.Document {
	t.Helper()
	path := filepath.Join(ModuleRoot(t), "internal", "graph", "graphtest", "testdata", "documents.json")
	if *updateDocuments {
		docs := extractFixtures(t)
		b, err := json.MarshalIndent(docs, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return docs
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run with -update-conformance to create it): %v", path, err)
	}
	var docs []graph.Document
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(docs) < 15 {
		t.Fatalf("%s: %d readouts, want at least 15", path, len(docs))
	}
	return docs
}

// extractFixtures extracts every readout under fixtures/readouts.
func extractFixtures(t testing.TB) []graph.Document {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	root := ModuleRoot(t)
	var docs []graph.Document
	r := &readout.Reader{}
	err = r.Read(context.Background(), []string{filepath.Join(root, "fixtures", "readouts")}, func(it readout.Item) error {
		if it.Err != nil {
			return it.Err
		}
		// Origins relative to the module keep the snapshot independent
		// of where the checkout lives.
		rel, _ := filepath.Rel(root, it.Readout.Origin)
		if it.Readout.Source == it.Readout.Origin {
			it.Readout.Source = filepath.ToSlash(rel)
		}
		it.Readout.Origin = filepath.ToSlash(rel)
		docs = append(docs, x.Extract(it.Readout))
		return nil
	})
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	return docs
}

// ModuleRoot is the directory holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above " + file)
		}
		dir = parent
	}
}

func writeAll(t *testing.T, s graph.Store, docs []graph.Document) map[graph.WriteStatus]int {
	t.Helper()
	counts := map[graph.WriteStatus]int{}
	for _, d := range docs {
		st, err := s.WriteReadout(context.Background(), d)
		if err != nil {
			t.Fatalf("write %s: %v", d.Readout.ID, err)
		}
		counts[st]++
	}
	return counts
}

// expectedStats counts the distinct nodes and edges of documents.
func expectedStats(docs []graph.Document) graph.Stats {
	st := graph.Stats{Nodes: map[schema.Label]int{}, Edges: map[schema.RelType]int{}}
	nodes := map[string]schema.Label{}
	edges := map[string]schema.RelType{}
	for _, d := range docs {
		nodes[d.Readout.Key()] = schema.Readout
		for _, n := range d.Nodes {
			nodes[n.Key()] = n.Label
		}
		for _, e := range d.Edges {
			edges[strings.Join([]string{string(e.Type), e.From, e.To, e.Readout}, "|")] = e.Type
		}
	}
	for _, l := range nodes {
		st.Nodes[l]++
	}
	for _, ty := range edges {
		st.Edges[ty]++
	}
	return st
}

func checkStats(t *testing.T, s graph.Store, want graph.Stats) {
	t.Helper()
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	if got.Dangling != 0 {
		t.Errorf("%d dangling edges", got.Dangling)
	}
	for _, l := range schema.Labels {
		if got.Nodes[l] != want.Nodes[l] {
			t.Errorf("%s nodes: got %d, want %d", l, got.Nodes[l], want.Nodes[l])
		}
	}
	for _, r := range schema.RelTypes {
		if got.Edges[r] != want.Edges[r] {
			t.Errorf("%s edges: got %d, want %d", r, got.Edges[r], want.Edges[r])
		}
	}
}

func testWrite(t *testing.T, s graph.Store, docs []graph.Document) {
	counts := writeAll(t, s, docs)
	if counts[graph.Created] != len(docs) {
		t.Errorf("created %d of %d readouts", counts[graph.Created], len(docs))
	}
	checkStats(t, s, expectedStats(docs))
}

func testIdempotent(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	counts := writeAll(t, s, docs)
	if counts[graph.Unchanged] != len(docs) {
		t.Errorf("second write: %d of %d readouts unchanged (%v)", counts[graph.Unchanged], len(docs), counts)
	}
	checkStats(t, s, expectedStats(docs))
}

// testReplace edits one readout (same origin, different text) and checks
// that its old facts, and nodes only they referred to, are gone while every
// other readout's facts stay.
func testReplace(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	old := docs[0]
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	edited := readout.Readout{
		Origin: old.Readout.Prop(schema.PropOrigin),
		Source: old.Readout.Prop(schema.PropSource),
		Title:  "Edited readout",
		Date:   "2023-05-02",
		Body:   "Tokyo, 2 May 2023: Japanese Foreign Minister Yoshimasa Hayashi met Canadian Foreign Minister Melanie Joly. They discussed maritime security.",
	}
	edited.ID = readout.ContentID(edited.Body)
	doc := x.Extract(edited)
	st, err := s.WriteReadout(context.Background(), doc)
	if err != nil {
		t.Fatalf("write edited: %v", err)
	}
	if st != graph.Replaced {
		t.Errorf("edited readout: status %v, want Replaced", st)
	}
	checkStats(t, s, expectedStats(append([]graph.Document{doc}, docs[1:]...)))
	if _, err := s.Node(context.Background(), old.Readout.Key()); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("old readout node: err %v, want ErrNotFound", err)
	}
}

func testNotFound(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	_, err := s.Node(context.Background(), "State:ZZ")
	if !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("missing node: err %v, want ErrNotFound", err)
	}
	paths, err := s.Path(context.Background(), "State:US", "State:ZZ", graph.PathQuery{MaxHops: 4})
	if err != nil || len(paths) != 0 {
		t.Errorf("path to a missing node: %d paths, err %v; want none", len(paths), err)
	}
}

// testNoOrigin writes readouts that name no origin: an origin is how a new
// version of an input replaces the old, so readouts without one are told
// apart by id alone and never replace each other, whether written one at a
// time or in one batch.
func testNoOrigin(t *testing.T, s graph.Store, docs []graph.Document) {
	ctx := context.Background()
	var bare []graph.Document
	for _, d := range docs[:4] {
		d.Readout.Props = maps.Clone(d.Readout.Props)
		delete(d.Readout.Props, schema.PropOrigin)
		bare = append(bare, d)
	}
	for _, d := range bare[:2] {
		if st, err := s.WriteReadout(ctx, d); err != nil || st != graph.Created {
			t.Fatalf("write %s: %v, %v; want Created", d.Readout.ID, st, err)
		}
	}
	if bw, ok := s.(graph.BatchWriter); ok {
		statuses, errs, err := bw.WriteReadouts(ctx, bare[2:])
		if err != nil {
			t.Fatalf("write batch: %v", err)
		}
		for i, st := range statuses {
			if errs[i] != nil || st != graph.Created {
				t.Errorf("batch readout %d: %v, %v; want Created", i, st, errs[i])
			}
		}
	} else {
		writeAll(t, s, bare[2:])
	}
	checkStats(t, s, expectedStats(bare))
	if counts := writeAll(t, s, bare); counts[graph.Unchanged] != len(bare) {
		t.Errorf("second write: %v, want all %d unchanged", counts, len(bare))
	}
	checkStats(t, s, expectedStats(bare))
}
