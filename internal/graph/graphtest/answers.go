package graphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// actors are the relationship types joining people and states.
var actors = []schema.RelType{schema.MetWith, schema.Represents, schema.MemberOf}

func path(from, to string, q graph.PathQuery) func(context.Context, graph.Reader) (any, error) {
	return func(ctx context.Context, r graph.Reader) (any, error) { return r.Path(ctx, from, to, q) }
}

func facts(q graph.FactQuery) func(context.Context, graph.Reader) (any, error) {
	return func(ctx context.Context, r graph.Reader) (any, error) { return r.Facts(ctx, q) }
}

var questions = []question{
	{"path US JP", path("State:US", "State:JP", graph.PathQuery{MaxHops: 6})},
	{"path US JP actors", path("State:US", "State:JP", graph.PathQuery{MaxHops: 6, Types: actors, Limit: 5})},
	{"path US JP met or discussed", path("State:US", "State:JP", graph.PathQuery{MaxHops: 6, Types: []schema.RelType{schema.MetWith, schema.Discussed}, Limit: 3})},
	{"path Blinken Hayashi", path("Official:antony-blinken", "Official:yoshimasa-hayashi", graph.PathQuery{MaxHops: 6})},
	{"path Wong Lammy", path("Official:penny-wong", "Official:david-lammy", graph.PathQuery{MaxHops: 6, Types: actors})},
	{"path IN GB max 2", path("State:IN", "State:GB", graph.PathQuery{MaxHops: 2})},
	{"facts at Blinken", facts(graph.FactQuery{At: []string{"Official:antony-blinken"}})},
	{"facts at QUAD", facts(graph.FactQuery{At: []string{"Forum:QUAD"}})},
	{"facts at JP, Hayashi: MET_WITH", facts(graph.FactQuery{At: []string{"State:JP", "Official:yoshimasa-hayashi"}, Types: []schema.RelType{schema.MetWith}})},
	{"facts at JP: REPRESENTS", facts(graph.FactQuery{At: []string{"State:JP"}, Types: []schema.RelType{schema.Represents}})},
	{"facts at US: COMMITTED_TO", facts(graph.FactQuery{At: []string{"State:US"}, Types: []schema.RelType{schema.CommittedTo}})},
	{"facts at defence-cooperation", facts(graph.FactQuery{At: []string{"Topic:defence-cooperation"}, Types: []schema.RelType{schema.Discussed, schema.CommittedTo, schema.Expressed}})},
	{"facts of readout bc8cd36d2e9f6324", facts(graph.FactQuery{Readout: "bc8cd36d2e9f6324"})},
	{"facts of readout bc8cd36d2e9f6324 at QUAD", facts(graph.FactQuery{Readout: "bc8cd36d2e9f6324", At: []string{"Forum:QUAD"}})},
	{"facts at nothing", facts(graph.FactQuery{At: []string{"State:ZZ", "Nope:x"}})},
	{"nodes", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Nodes(ctx, []string{"State:US", "Readout:bc8cd36d2e9f6324", "State:ZZ", "Official:penny-wong"})
	}},
	{"find wong", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.FindNodes(ctx, "wong", 10)
	}},
	{"node Hayashi", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Node(ctx, "Official:yoshimasa-hayashi")
	}},
	{"stats", func(ctx context.Context, r graph.Reader) (any, error) {
		return r.Stats(ctx)
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
	compareGolden(t, "answers", got)
}

// compareGolden holds a store's answers to testdata/NAME.golden.json, which
// -update-conformance rewrites; on a difference it keeps the answers in the
// temp directory for the diff.
func compareGolden(t *testing.T, name string, got map[string]any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(ModuleRoot(t), "internal", "graph", "graphtest", "testdata", name+".golden.json")
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
		out := filepath.Join(os.TempDir(), "diplograph-"+name+"-"+strings.ReplaceAll(t.Name(), "/", "-")+".json")
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
	for _, h := range got["facts at QUAD"].([]graph.Hop) {
		if h.Edge.Type == schema.MemberOf {
			members[h.To.ID] = true
		}
	}
	for _, c := range []string{"US", "JP", "IN", "AU"} {
		if !members[c] {
			t.Errorf("members QUAD lacks %s", c)
		}
	}
	met := false
	for _, h := range got["facts at JP, Hayashi: MET_WITH"].([]graph.Hop) {
		if h.From.ID == "yoshimasa-hayashi" && h.To.ID == "park-jin" {
			met = true
		}
	}
	if !met {
		t.Error("facts at Hayashi lack Hayashi meeting Park Jin")
	}
	for _, p := range got["path US JP actors"].([]graph.Path) {
		for _, h := range p {
			if !slices.Contains(actors, h.Edge.Type) {
				t.Errorf("path over actors walks %s", h.Edge.Type)
			}
		}
	}
	for _, h := range got["facts of readout bc8cd36d2e9f6324"].([]graph.Hop) {
		if h.Edge.Readout != "bc8cd36d2e9f6324" {
			t.Errorf("facts of a readout hold one citing %s", h.Edge.Readout)
		}
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
		hops, err := s.Facts(ctx, graph.FactQuery{At: []string{n.Key()}})
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

// testStoredOnce writes an edge twice in one readout, and an edge another
// readout stored already citing this one: each is stored once.
func testStoredOnce(t *testing.T, s graph.Store, _ []graph.Document) {
	ctx := context.Background()
	doc := func(id string, edges ...graph.Edge) graph.Document {
		return graph.Document{
			Readout: graph.Node{Label: schema.Readout, ID: id, Name: id, Props: map[string]string{schema.PropOrigin: id + ".txt"}},
			Nodes:   []graph.Node{{Label: schema.State, ID: "CA", Name: "Canada"}, {Label: schema.State, ID: "MX", Name: "Mexico"}},
			Edges:   edges,
		}
	}
	const a, b = "once00000000000a", "once00000000000b"
	met := graph.Edge{Type: schema.MetWith, From: "State:CA", To: "State:MX", Readout: a, Evidence: "Canada met Mexico."}
	if _, err := s.WriteReadout(ctx, doc(b, met)); err != nil {
		t.Fatalf("write the citing readout: %v", err)
	}
	if _, err := s.WriteReadout(ctx, doc(a, met, met)); err != nil {
		t.Fatalf("write the cited readout: %v", err)
	}
	hops, err := s.Facts(ctx, graph.FactQuery{At: []string{"State:CA"}, Types: []schema.RelType{schema.MetWith}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hops) != 1 {
		t.Errorf("%d MET_WITH edges stored, want 1: %v", len(hops), hops)
	}
}

// testBatchIsolates writes a batch in which one readout cites a node that
// neither it nor the store holds: that readout fails alone, and the others
// are stored exactly, as writing each by itself would store them.
func testBatchIsolates(t *testing.T, s graph.Store, docs []graph.Document) {
	bw, ok := s.(graph.BatchWriter)
	if !ok {
		t.Skipf("%T writes no batches", s)
	}
	ctx := context.Background()
	bad := docs[1]
	bad.Edges = append(append([]graph.Edge(nil), bad.Edges...),
		graph.Edge{Type: schema.MetWith, From: "Official:nobody", To: "Official:nobody-else", Readout: bad.Readout.ID})
	batch := []graph.Document{docs[0], bad, docs[2]}
	statuses, errs, err := bw.WriteReadouts(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i := range batch {
		if failed := errs[i] != nil; failed != (i == 1) {
			t.Errorf("readout %d: error %v", i, errs[i])
		}
		if i != 1 && statuses[i] != graph.Created {
			t.Errorf("readout %d: %v, want created", i, statuses[i])
		}
	}
	if _, err := s.Node(ctx, bad.Readout.Key()); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("the failed readout's node: %v, want not found", err)
	}
	for _, d := range []graph.Document{docs[0], docs[2]} {
		if st, err := s.WriteReadout(ctx, d); err != nil || st != graph.Unchanged {
			t.Errorf("%s written again: %v, %v; want unchanged", d.Readout.ID, st, err)
		}
	}
	if st, err := s.WriteReadout(ctx, docs[1]); err != nil || st != graph.Created {
		t.Errorf("the failed readout, written right: %v, %v; want created", st, err)
	}
}

// evidenceByEdge reads every cited edge at Canada and Mexico with its
// evidence, keyed by type, ends and readout.
func evidenceByEdge(t *testing.T, s graph.Store) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, key := range []string{"State:CA", "State:MX"} {
		hops, err := s.Facts(context.Background(), graph.FactQuery{At: []string{key}})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hops {
			got[strings.Join([]string{string(h.Edge.Type), h.Edge.From, h.Edge.To, h.Edge.Readout}, " ")] = h.Edge.Evidence
		}
	}
	return got
}
