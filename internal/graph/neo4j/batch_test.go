package neo4j

import (
	"context"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestWriteReadoutsIsolatesFailures writes a batch holding a readout the
// server rejects (an edge to a missing node), one that cannot be planned,
// and a new version of an earlier readout in the same batch.
func TestWriteReadoutsIsolatesFailures(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	ctx := context.Background()
	docs := fixtureDocs(t)
	dangling := docs[1]
	dangling.Edges = append(append([]graph.Edge(nil), dangling.Edges...),
		graph.Edge{Type: schema.MetWith, From: "Official:nobody", To: "Official:nobody-else", Readout: dangling.Readout.ID})
	unplannable := docs[2]
	unplannable.Nodes = append(append([]graph.Node(nil), unplannable.Nodes...), graph.Node{Label: "Bogus", ID: "x"})
	batch := []graph.Document{docs[0], dangling, unplannable, docs[3], replacements(t)[2]}

	statuses, errs, err := s.WriteReadouts(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := []graph.WriteStatus{graph.Created, 0, 0, graph.Created, graph.Replaced}
	for i := range batch {
		if failed := errs[i] != nil; failed != (i == 1 || i == 2) {
			t.Errorf("readout %d: error %v", i, errs[i])
		}
		if errs[i] == nil && statuses[i] != wantStatus[i] {
			t.Errorf("readout %d: status %v, want %v", i, statuses[i], wantStatus[i])
		}
	}

	// The same graph as writing the good readouts one by one.
	got, _ := s.Stats(ctx)
	one := openEmbedded(t)
	writeAll(t, one, []graph.Document{docs[0], docs[3], replacements(t)[2]})
	want, _ := one.Stats(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats %v, want %v", got, want)
	}

	statuses, errs, err = s.WriteReadouts(ctx, []graph.Document{docs[3], docs[4]})
	if err != nil || errs[0] != nil || errs[1] != nil || statuses[0] != graph.Unchanged || statuses[1] != graph.Created {
		t.Errorf("second batch: %v %v %v", statuses, errs, err)
	}
}

// TestBatchChecksEdgesOthersCite writes a readout whose edge another
// readout already stored under the first readout's id. The batch must not
// take that readout for one nothing cites, or the edge would be stored
// twice.
func TestBatchChecksEdgesOthersCite(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	ctx := context.Background()
	docs := fixtureDocs(t)
	cited, citing := docs[0], docs[1]
	var borrowed *graph.Edge
	for _, e := range cited.Edges {
		if e.Type != schema.Mentions {
			borrowed = &e
			break
		}
	}
	if borrowed == nil {
		t.Fatal("fixture 0 has no edge between entities")
	}
	citing.Nodes = append(append([]graph.Node(nil), citing.Nodes...), cited.Nodes...)
	citing.Edges = append(append([]graph.Edge(nil), citing.Edges...), *borrowed)

	one := openEmbedded(t)
	for _, st := range []graph.Store{s, one} {
		if _, err := st.WriteReadout(ctx, citing); err != nil {
			t.Fatal(err)
		}
	}
	statuses, errs, err := s.WriteReadouts(ctx, []graph.Document{cited, docs[2]})
	if err != nil || errs[0] != nil || errs[1] != nil || statuses[0] != graph.Created || statuses[1] != graph.Created {
		t.Fatalf("batch: %v %v %v", statuses, errs, err)
	}
	writeAll(t, one, []graph.Document{cited, docs[2]})
	got, _ := s.Stats(ctx)
	want, _ := one.Stats(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats %v, want %v", got, want)
	}
}

// TestBatchKeepsInputOrderForNodes writes a batch holding a new readout and
// then a new version of a stored one, both naming one official with
// different titles. Written in order, the later readout's title wins; the
// batch writes new versions before the new readouts it merges, and must
// still leave the later title.
func TestBatchKeepsInputOrderForNodes(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	ctx := context.Background()
	doc := func(id, origin, title string) graph.Document {
		return graph.Document{
			Readout: graph.Node{Label: schema.Readout, ID: id, Name: id, Props: map[string]string{schema.PropOrigin: origin}},
			Nodes:   []graph.Node{{Label: schema.Official, ID: "x", Name: "X", Props: map[string]string{schema.PropTitle: title}}},
			Edges: []graph.Edge{{Type: schema.Mentions, From: schema.Key(schema.Readout, id), To: "Official:x",
				Readout: id, Evidence: "X spoke."}},
		}
	}
	one := openEmbedded(t)
	batch := []graph.Document{doc("new", "o-new", "first"), doc("v2", "o-old", "second")}
	for _, st := range []graph.Store{s, one} {
		if _, err := st.WriteReadout(ctx, doc("v1", "o-old", "zeroth")); err != nil {
			t.Fatal(err)
		}
	}
	statuses, errs, err := s.WriteReadouts(ctx, batch)
	if err != nil || errs[0] != nil || errs[1] != nil || statuses[0] != graph.Created || statuses[1] != graph.Replaced {
		t.Fatalf("batch: %v %v %v", statuses, errs, err)
	}
	writeAll(t, one, batch)
	got, err := s.Node(ctx, "Official:x")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := one.Node(ctx, "Official:x")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("node %+v, want %+v", got, want)
	}
}

// TestStartGroupChunks splits edges grouped by start node into statements
// of at most a given number of edges, splitting a group where it must and
// keeping every edge once, in order.
func TestStartGroupChunks(t *testing.T) {
	g := &startGroups{at: map[string]int{}}
	for i, start := range []string{"a", "b", "a", "c", "a", "b"} {
		g.add(start, []any{i})
	}
	// Groups: a [0 2 4], b [1 5], c [3].
	for size, want := range map[int][][]any{
		2:  {{[]any{"a", []any{[]any{0}, []any{2}}}}, {[]any{"a", []any{[]any{4}}}, []any{"b", []any{[]any{1}}}}, {[]any{"b", []any{[]any{5}}}, []any{"c", []any{[]any{3}}}}},
		10: {{[]any{"a", []any{[]any{0}, []any{2}, []any{4}}}, []any{"b", []any{[]any{1}, []any{5}}}, []any{"c", []any{[]any{3}}}}},
	} {
		chunks := g.chunks(size)
		if len(chunks) != len(want) {
			t.Fatalf("size %d: %d chunks, want %d", size, len(chunks), len(want))
		}
		for i, c := range chunks {
			edges := 0
			for _, row := range c.rows {
				edges += len(row.([]any)[1].([]any))
			}
			if !reflect.DeepEqual(c.rows, want[i]) || c.edges != edges || edges > size {
				t.Errorf("size %d, chunk %d: %v (%d edges)", size, i, c.rows, c.edges)
			}
		}
	}
}

// TestBatchWithTinyStatements writes one batch three rows per statement, so
// that node and edge groups are split across statements, and expects the
// embedded store's answers.
func TestBatchWithTinyStatements(t *testing.T) {
	neo := openTestStore(t, func(o *Options) { o.BatchSize = 3 })
	emb := openEmbedded(t)
	docs := fixtureDocs(t)
	writeBoth(t, neo, emb, docs, len(docs))
	compareStores(t, "tiny statements", neo, emb, docs)
}
