package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/export"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/ingest"
	"github.com/diplograph/diplograph/internal/schema"
)

// fixtureStore is an embedded store holding the fixture readouts.
func fixtureStore(t *testing.T) *embedded.Store {
	t.Helper()
	ctx := context.Background()
	s, err := embedded.Open(filepath.Join(t.TempDir(), "g.db"), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Options{Paths: []string{"../../fixtures/readouts"}, Store: s}, ingest.Discard); err != nil {
		t.Fatal(err)
	}
	return s
}

// graphmlDoc is GraphML as a reader that is not this package sees it.
type graphmlDoc struct {
	Keys  []struct{ ID, For, Name string } `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key string `xml:"key,attr"`
				V   string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key string `xml:"key,attr"`
				V   string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestGraphMLHoldsTheWholeGraph(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	var buf bytes.Buffer
	if err := export.GraphML(ctx, s, graph.DateRange{}, &buf); err != nil {
		t.Fatal(err)
	}
	var doc graphmlDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	st, _ := s.Stats(ctx)
	if len(doc.Graph.Nodes) != st.TotalNodes() || len(doc.Graph.Edges) != st.TotalEdges() {
		t.Errorf("GraphML has %d nodes and %d edges, the store %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), st.TotalNodes(), st.TotalEdges())
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	phrases := 0
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Fatalf("edge %s -> %s joins a node the file does not hold", e.Source, e.Target)
		}
		for _, d := range e.Data {
			if d.Key == "e_phrase" && d.V != "" {
				phrases++
			}
		}
	}
	if phrases == 0 {
		t.Error("no edge carries its phrase")
	}
}

func TestSliceByDate(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	r := graph.DateRange{Since: "2024-01-01", Until: "2024-12-31"}
	var buf bytes.Buffer
	if err := export.Events(ctx, s, r, "jsonl", &buf); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		d, _ := ev["date"].(string)
		if d < r.Since || d > r.Until {
			t.Errorf("event dated %q outside %v", d, r)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no event in 2024")
	}
}

func TestEventsNameActorsAndTheirStates(t *testing.T) {
	s := fixtureStore(t)
	var buf bytes.Buffer
	if err := export.Events(context.Background(), s, graph.DateRange{}, "csv", &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var called, stated bool
	for _, r := range rows[1:] {
		if r[col["relation"]] == string(schema.MetWith) && r[col["cameo"]] == "041" && r[col["actor1_state"]] != "" && r[col["actor2_state"]] != "" {
			called = true
		}
		if r[col["relation"]] == string(schema.CommittedTo) && r[col["phrase"]] != "" && r[col["readout_title"]] != "" {
			stated = true
		}
		if r[col["relation"]] == string(schema.Represents) || r[col["relation"]] == string(schema.Mentions) {
			t.Fatalf("%s is no event", r[col["relation"]])
		}
	}
	if !called || !stated {
		t.Errorf("a call between two states' officials: %v; a commitment with its phrase and readout title: %v", called, stated)
	}
}

func TestAdminCSVFilesAndCommand(t *testing.T) {
	s := fixtureStore(t)
	dir := t.TempDir()
	cmd, err := export.AdminCSV(context.Background(), s, graph.DateRange{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nodes_State.csv", "nodes_Official.csv", "relationships_MET_WITH.csv", "relationships_MENTIONS.csv"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v, %d rows", name, err, len(rows))
		}
		if h := rows[0][0]; h != "key:ID" && h != ":START_ID" {
			t.Errorf("%s starts with %q, not an import header", name, h)
		}
		if !strings.Contains(cmd, name) {
			t.Errorf("the import command does not load %s: %s", name, cmd)
		}
	}
}
