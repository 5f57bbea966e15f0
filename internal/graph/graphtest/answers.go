package graphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// question is one query of the golden set.
type question struct {
	Name string
	ask  func(context.Context, graph.Reader) (any, error)
}

var questions = []question{
	{"path US JP", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Path(ctx, "State:US", "State:JP", 6)
	}},
	{"path Blinken Hayashi", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Path(ctx, "Official:antony-blinken", "Official:yoshimasa-hayashi", 6)
	}},
	{"path Wong Lammy", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Path(ctx, "Official:penny-wong", "Official:david-lammy", 6)
	}},
	{"path IN GB max 2", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Path(ctx, "State:IN", "State:GB", 2)
	}},
	{"neighbors Blinken", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Neighbors(ctx, "Official:antony-blinken")
	}},
	{"neighbors QUAD", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Neighbors(ctx, "Forum:QUAD")
	}},
	{"meetings JP", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Meetings(ctx, "State:JP", graph.DateRange{})
	}},
	{"meetings AU 2024", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Meetings(ctx, "State:AU", graph.DateRange{Since: "2024-01-01", Until: "2024-12-31"})
	}},
	{"commitments US", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Commitments(ctx, "State:US")
	}},
	{"commitments Wong", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Commitments(ctx, "Official:penny-wong")
	}},
	{"topics US JP", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Topics(ctx, "State:US", "State:JP")
	}},
	{"members QUAD", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Members(ctx, "Forum:QUAD")
	}},
	{"find wong", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.FindNodes(ctx, "wong", 10)
	}},
	{"node Hayashi", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Node(ctx, "Official:yoshimasa-hayashi")
	}},
}

// testAnswers asks every question and compares the answers with the golden
// file, which -update-conformance rewrites.
func testAnswers(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	ctx := context.Background()
	got := map[string]any{}
	for _, q := range questions {
		a, err := q.ask(ctx, s)
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		got[q.Name] = a
	}
	checkShapes(t, got)
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(ModuleRoot(t), "internal", "graph", "graphtest", "testdata", "answers.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update-conformance to create it): %v", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(b)) {
		// Kept after the test, for the diff.
		out := filepath.Join(os.TempDir(), "diplograph-answers-"+strings.ReplaceAll(t.Name(), "/", "-")+".json")
		os.WriteFile(out, b, 0o644)
		t.Errorf("answers differ from %s; this store's answers are in %s (diff them)", golden, out)
	}
}

// checkShapes asserts what any correct answer must look like, whatever the
// golden file says, so that a wrong golden cannot hide a wrong store.
func checkShapes(t *testing.T, got map[string]any) {
	t.Helper()
	paths := got["path US JP"].([]graph.Path)
	if len(paths) == 0 {
		t.Fatal("no path between US and JP")
	}
	for _, p := range paths {
		if p[0].From.Key() != "State:US" || p[len(p)-1].To.Key() != "State:JP" {
			t.Errorf("path runs %s..%s, want State:US..State:JP", p[0].From.Key(), p[len(p)-1].To.Key())
		}
		for i := 1; i < len(p); i++ {
			if p[i].From.Key() != p[i-1].To.Key() {
				t.Errorf("path breaks between hop %d and %d", i, i+1)
			}
		}
		for _, h := range p {
			if h.Edge.Evidence == "" || h.Edge.Readout == "" || h.Edge.Type == schema.Mentions {
				t.Errorf("hop %s-%s lacks a citation or is a MENTIONS edge", h.From.Key(), h.To.Key())
			}
		}
	}
	members := map[string]bool{}
	for _, h := range got["members QUAD"].([]graph.Hop) {
		members[h.From.ID] = true
	}
	for _, c := range []string{"US", "JP", "IN", "AU"} {
		if !members[c] {
			t.Errorf("members QUAD lacks %s", c)
		}
	}
	met := false
	for _, h := range got["meetings JP"].([]graph.Hop) {
		if h.From.ID == "yoshimasa-hayashi" && h.To.ID == "park-jin" {
			met = true
		}
	}
	if !met {
		t.Error("meetings JP lacks Hayashi meeting Park Jin")
	}
	if len(got["path IN GB max 2"].([]graph.Path)) > 0 {
		for _, p := range got["path IN GB max 2"].([]graph.Path) {
			if len(p) > 2 {
				t.Errorf("path IN GB with max 2 hops has %d hops", len(p))
			}
		}
	}
}

// hostile strings must be stored and read back as data.
var hostile = []string{
	`O'Brien "the Hon"`, "back`tick}", `// comment $param`, `MATCH (n) DETACH DELETE n`,
	`'); DROP TABLE nodes; --`, `{x: 1}) RETURN 1 //`,
}

// testVerbatim writes nodes and evidence made of hostile strings and reads
// them back unchanged, with nothing else in the graph disturbed.
func testVerbatim(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	ctx := context.Background()
	rd := graph.Node{Label: schema.Readout, ID: "hostile0000000001", Name: hostile[0],
		Props: map[string]string{schema.PropOrigin: "hostile.txt", schema.PropSource: hostile[3], schema.PropTitle: hostile[1]}}
	doc := graph.Document{Readout: rd}
	for i, h := range hostile {
		n := graph.Node{Label: schema.Official, ID: "hostile-" + string(rune('a'+i)), Name: h, Props: map[string]string{schema.PropTitle: h}}
		doc.Nodes = append(doc.Nodes, n)
		doc.Edges = append(doc.Edges, graph.Edge{Type: schema.Represents, From: n.Key(), To: "State:US", Readout: rd.ID, Evidence: h, Props: map[string]string{schema.PropTitle: h}})
	}
	doc.Nodes = append(doc.Nodes, graph.Node{Label: schema.State, ID: "US", Name: "United States"})
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteReadout(ctx, doc); err != nil {
		t.Fatalf("write hostile: %v", err)
	}
	for i, h := range hostile {
		n, err := s.Node(ctx, "Official:hostile-"+string(rune('a'+i)))
		if err != nil {
			t.Fatalf("read back %q: %v", h, err)
		}
		if n.Name != h || n.Prop(schema.PropTitle) != h {
			t.Errorf("stored %q, read back name %q title %q", h, n.Name, n.Prop(schema.PropTitle))
		}
		hops, err := s.Neighbors(ctx, n.Key())
		if err != nil || len(hops) != 1 || hops[0].Edge.Evidence != h {
			t.Errorf("evidence of %q: %v, %v", h, hops, err)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Nodes[schema.Official] != before.Nodes[schema.Official]+len(hostile) ||
		after.Edges[schema.Represents] != before.Edges[schema.Represents]+len(hostile) ||
		after.Nodes[schema.State] != before.Nodes[schema.State] ||
		after.Edges[schema.MetWith] != before.Edges[schema.MetWith] {
		t.Errorf("hostile write changed more than its own facts: before %+v after %+v", before, after)
	}
}

// testFind searches names outside ASCII and names holding the characters
// SQL's LIKE treats as wildcards: case folds by Unicode on every store, and
// the text is matched literally.
func testFind(t *testing.T, s graph.Store, _ []graph.Document) {
	ctx := context.Background()
	rd := graph.Node{Label: schema.Readout, ID: "find00000000000001", Name: "Names",
		Props: map[string]string{schema.PropOrigin: "names.txt"}}
	doc := graph.Document{Readout: rd, Nodes: []graph.Node{{Label: schema.State, ID: "FR", Name: "France"}}}
	for _, name := range []string{"Élisabeth Borne", "Mevlüt Çavuşoğlu", "Νίκος Δένδιας", "Öztürk 100%_sure", "Oztruk 1000 sure"} {
		n := graph.Node{Label: schema.Official, ID: slugOf(name), Name: name}
		doc.Nodes = append(doc.Nodes, n)
		doc.Edges = append(doc.Edges, graph.Edge{Type: schema.Represents, From: n.Key(), To: "State:FR", Readout: rd.ID, Evidence: name + " spoke."})
	}
	if _, err := s.WriteReadout(ctx, doc); err != nil {
		t.Fatalf("write: %v", err)
	}
	for _, tc := range []struct{ text, want string }{
		{"élisabeth", "Élisabeth Borne"},
		{"ÉLISABETH BORNE", "Élisabeth Borne"},
		{"çavuşoğlu", "Mevlüt Çavuşoğlu"},
		{"MEVLÜT", "Mevlüt Çavuşoğlu"},
		{"ΔΈΝΔΙΑΣ", "Νίκος Δένδιας"},
		{"νίκος", "Νίκος Δένδιας"},
		{"100%_", "Öztürk 100%_sure"},
		{"%_s", "Öztürk 100%_sure"},
		{"öztürk", "Öztürk 100%_sure"},
		{"borne", "Élisabeth Borne"},
	} {
		nodes, err := s.FindNodes(ctx, tc.text, 10)
		if err != nil {
			t.Fatalf("find %q: %v", tc.text, err)
		}
		var got []string
		for _, n := range nodes {
			got = append(got, n.Name)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("find %q = %q, want [%q]", tc.text, got, tc.want)
		}
	}
}

// slugOf makes a node id from a name for tests: lower case, spaces as dashes.
func slugOf(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), " ", "-")
}

// testCitesAnother writes a readout with an edge that cites another
// readout, before and after that readout itself is written: each edge keeps
// its own evidence, and neither write disturbs the other's.
func testCitesAnother(t *testing.T, s graph.Store, _ []graph.Document) {
	ctx := context.Background()
	doc := func(id, origin string, edges ...graph.Edge) graph.Document {
		return graph.Document{
			Readout: graph.Node{Label: schema.Readout, ID: id, Name: id, Props: map[string]string{schema.PropOrigin: origin}},
			Nodes: []graph.Node{{Label: schema.State, ID: "CA", Name: "Canada"}, {Label: schema.State, ID: "MX", Name: "Mexico"},
				{Label: schema.Topic, ID: "trade", Name: "trade"}},
			Edges: edges,
		}
	}
	const a, b = "cites00000000000a", "cites00000000000b"
	borrowed := graph.Edge{Type: schema.MetWith, From: "State:CA", To: "State:MX", Readout: a, Evidence: "Canada and Mexico met, as the earlier readout says."}
	own := graph.Edge{Type: schema.Discussed, From: "State:CA", To: "Topic:trade", Readout: b, Evidence: "Canada raised trade."}
	if _, err := s.WriteReadout(ctx, doc(b, "b.txt", own, borrowed)); err != nil {
		t.Fatalf("write the citing readout: %v", err)
	}
	aOwn := graph.Edge{Type: schema.Discussed, From: "State:MX", To: "Topic:trade", Readout: a, Evidence: "Mexico spoke of trade first."}
	if _, err := s.WriteReadout(ctx, doc(a, "a.txt", aOwn)); err != nil {
		t.Fatalf("write the cited readout: %v", err)
	}
	if got, want := evidenceByEdge(t, s), map[string]string{
		"MET_WITH State:CA State:MX " + a:     borrowed.Evidence,
		"DISCUSSED State:CA Topic:trade " + b: own.Evidence,
		"DISCUSSED State:MX Topic:trade " + a: aOwn.Evidence,
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("edges and their evidence:\n got %v\nwant %v", got, want)
	}
	// A new version of the cited readout takes every edge citing it along,
	// the borrowed one too.
	const a2 = "cites0000000000a2"
	aNew := graph.Edge{Type: schema.Discussed, From: "State:MX", To: "Topic:trade", Readout: a2, Evidence: "Mexico spoke of trade again."}
	if st, err := s.WriteReadout(ctx, doc(a2, "a.txt", aNew)); err != nil || st != graph.Replaced {
		t.Fatalf("replace the cited readout: %v, %v", st, err)
	}
	if got, want := evidenceByEdge(t, s), map[string]string{
		"DISCUSSED State:CA Topic:trade " + b:  own.Evidence,
		"DISCUSSED State:MX Topic:trade " + a2: aNew.Evidence,
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("after replacing the cited readout:\n got %v\nwant %v", got, want)
	}
}

// evidenceByEdge reads every cited edge at Canada and Mexico with its
// evidence, keyed by type, ends and readout.
func evidenceByEdge(t *testing.T, s graph.Store) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, key := range []string{"State:CA", "State:MX"} {
		hops, err := s.Neighbors(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hops {
			got[strings.Join([]string{string(h.Edge.Type), h.Edge.From, h.Edge.To, h.Edge.Readout}, " ")] = h.Edge.Evidence
		}
	}
	return got
}
