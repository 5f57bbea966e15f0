package neo4j

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestPathSeesWritesFromElsewhere asks for a path, lets another Store (as
// another process would) write an edge that shortens it, and expects the
// first Store to see the new path: its cached adjacency must not go stale.
func TestPathSeesWritesFromElsewhere(t *testing.T) {
	reader := openTestStore(t)
	mustMigrate(t, reader)
	ctx := context.Background()
	a, b, c := official("a"), official("b"), official("c")
	meet := func(id string, x, y graph.Node) graph.Document {
		rd := graph.Node{Label: schema.Readout, ID: id, Props: map[string]string{schema.PropOrigin: id}}
		return graph.Document{Readout: rd, Nodes: []graph.Node{x, y}, Edges: []graph.Edge{
			{Type: schema.MetWith, From: x.Key(), To: y.Key(), Readout: id, Date: "2024-01-01", Evidence: id},
		}}
	}
	writeAll(t, reader, []graph.Document{meet("r1", a, b), meet("r2", b, c)})
	hops := func() int {
		paths, err := reader.Path(ctx, a.Key(), c.Key(), graph.PathQuery{MaxHops: 6})
		if err != nil || len(paths) != 1 {
			t.Fatalf("path: %v, %v", paths, err)
		}
		return len(paths[0])
	}
	if n := hops(); n != 2 {
		t.Fatalf("path of %d hops, want 2", n)
	}
	writer, err := Open(ctx, testServer(t))
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	writeAll(t, writer, []graph.Document{meet("r3", a, c)})
	if n := hops(); n != 1 {
		t.Errorf("after another store wrote a-c: path of %d hops, want 1", n)
	}
	writeAll(t, writer, []graph.Document{meet("r3", a, b)}) // r3 now says a met b: a-c is gone
	if n := hops(); n != 2 {
		t.Errorf("after r3 was replaced: path of %d hops, want 2", n)
	}
}

func official(id string) graph.Node {
	return graph.Node{Label: schema.Official, ID: id, Name: id}
}
