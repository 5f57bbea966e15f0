package embedded_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestSavedAdjacency: a new process reading the adjacency Index saved
// finds the same paths as one reading every edge, and a write since makes
// it read the edges again rather than a stale adjacency.
func TestSavedAdjacency(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	w, err := embedded.Open(path, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	docs := graphtest.FixtureDocuments(t)
	if docs[0].Readout.ID != "b17eea39db78e4c7" {
		t.Fatalf("the first fixture is %s, not Wong meeting Balakrishnan", docs[0].Readout.ID)
	}
	for _, d := range docs[1:] {
		if _, err := w.WriteReadout(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	q := graph.PathQuery{MaxHops: 6, Types: []schema.RelType{schema.MetWith, schema.Represents, schema.MemberOf}, Limit: 10}
	paths := func(from, to string) []graph.Path {
		r, err := embedded.Open(path, embedded.Options{ReadOnly: true}) // a new process's view
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		p, err := r.Path(ctx, from, to, q)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	fromEdges := paths("State:US", "State:JP")
	if err := w.Index(ctx); err != nil {
		t.Fatal(err)
	}
	if saved := paths("State:US", "State:JP"); !reflect.DeepEqual(saved, fromEdges) || len(saved) == 0 {
		t.Errorf("saved adjacency: %d paths, from the edges %d, or they differ", len(saved), len(fromEdges))
	}
	if _, err := w.WriteReadout(ctx, docs[0]); err != nil { // Wong meets Balakrishnan in Singapore
		t.Fatal(err)
	}
	if p := paths("Official:penny-wong", "Official:vivian-balakrishnan"); len(p) != 1 || len(p[0]) != 1 {
		t.Errorf("after a write: %v; want the meeting it wrote, not the saved adjacency from before", p)
	}
}
