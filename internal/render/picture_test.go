package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

func pictureSample() query.Paths {
	us := graph.Node{Label: schema.State, ID: "US", Name: "United States"}
	ab := graph.Node{Label: schema.Official, ID: "antony-blinken", Name: `Antony "Tony" Blinken`}
	yk := graph.Node{Label: schema.Official, ID: "yoko-kamikawa", Name: "Yoko Kamikawa"}
	return query.Paths{From: us, To: yk, Paths: [][]query.Fact{{
		{From: us, Relation: schema.Represents, Forward: false, To: ab, Date: "2024-07-29"},
		{From: ab, Relation: schema.MetWith, Forward: true, To: yk, Date: "2024-07-29", Phrase: "a <call>"},
	}}}
}

// TestMermaidDrawsEveryFact checks that each fact is an arrow between
// declared nodes, in its own direction, with quotes and brackets kept
// inside their label.
func TestMermaidDrawsEveryFact(t *testing.T) {
	var b bytes.Buffer
	if err := Answer(&b, FormatMermaid, pictureSample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	declared := regexp.MustCompile(`(?m)^  (n\d+)\["[^"]*"\]:::\w+$`).FindAllStringSubmatch(out, -1)
	arrows := regexp.MustCompile(`(?m)^  (n\d+) -- "[^"]*" --> (n\d+)$`).FindAllStringSubmatch(out, -1)
	if len(declared) != 3 || len(arrows) != 2 {
		t.Fatalf("%d nodes and %d arrows, want 3 and 2:\n%s", len(declared), len(arrows), out)
	}
	if !strings.Contains(out, `n0["Antony #quot;Tony#quot; Blinken (antony-blinken)"]`) || !strings.Contains(out, `n0 -- "REPRESENTS (2024-07-29)" --> n1`) {
		t.Errorf("REPRESENTS should run from the official to the state:\n%s", out)
	}
	if !strings.Contains(out, "#quot;Tony#quot;") || !strings.Contains(out, "#lt;call#gt;") {
		t.Errorf("quotes and brackets not escaped:\n%s", out)
	}
}

func TestDOTQuotesIdentifiers(t *testing.T) {
	var b bytes.Buffer
	if err := Answer(&b, FormatDOT, pictureSample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "digraph diplograph {") || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not a digraph:\n%s", out)
	}
	if !strings.Contains(out, `"Official:antony-blinken" -> "State:US"`) || !strings.Contains(out, `\"Tony\"`) {
		t.Errorf("edge direction or quoting wrong:\n%s", out)
	}
	if err := Answer(&b, FormatDOT, query.Stats{}); err == nil {
		t.Error("stats drawn as a graph")
	}
}
