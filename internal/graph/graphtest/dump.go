package graphtest

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// dumper is the streaming read every store offers for exports.
type dumper interface {
	EachNode(ctx context.Context, fn func(graph.Node) error) error
	EachEdge(ctx context.Context, r graph.DateRange, fn func(graph.Edge) error) error
}

// testDump checks that a store streams every node and edge it counts, and
// that a date range gives only the edges dated inside it.
func testDump(t *testing.T, s graph.Store, docs []graph.Document) {
	ctx := context.Background()
	d, ok := s.(dumper)
	if !ok {
		t.Fatalf("%T streams no nodes and edges for export", s)
	}
	writeAll(t, s, docs)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nodes, edges := 0, map[schema.RelType]int{}
	if err := d.EachNode(ctx, func(graph.Node) error { nodes++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := d.EachEdge(ctx, graph.DateRange{}, func(e graph.Edge) error { edges[e.Type]++; return nil }); err != nil {
		t.Fatal(err)
	}
	total := 0
	for typ, n := range edges {
		total += n
		if want := st.Edges[typ]; n != want {
			t.Errorf("%s: streamed %d, counted %d", typ, n, want)
		}
	}
	if nodes != st.TotalNodes() || total != st.TotalEdges() {
		t.Errorf("streamed %d nodes and %d edges, counted %d and %d", nodes, total, st.TotalNodes(), st.TotalEdges())
	}
	r := graph.DateRange{Since: "2024-01-01", Until: "2024-06-30"}
	inside := 0
	err = d.EachEdge(ctx, r, func(e graph.Edge) error {
		if e.Date < r.Since || e.Date > r.Until {
			t.Errorf("%s %s->%s dated %q is outside %v", e.Type, e.From, e.To, e.Date, r)
		}
		inside++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inside == 0 || inside >= total {
		t.Errorf("%d of %d edges in %v: the range selects nothing or everything", inside, total, r)
	}
}
