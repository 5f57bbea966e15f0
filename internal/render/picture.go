package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// Picture formats: the graph-shaped answers (path, neighbors, meetings,
// commitments, topics, timeline, readout) drawn as a graph. Mermaid pastes
// into GitHub and most Markdown viewers; DOT renders with Graphviz.
const (
	FormatMermaid = "mermaid"
	FormatDOT     = "dot"
)

// picture is an answer reduced to what a drawing needs: its nodes, in
// first-seen order, and its facts as arrows.
type picture struct {
	nodes []graph.Node
	index map[string]int
	edges []arrow
}

type arrow struct {
	from, to int
	label    string
	fact     query.Fact
}

// pictureOf collects the facts of a graph-shaped answer, or reports that
// the answer has no graph to draw.
func pictureOf(v any) (*picture, bool) {
	var facts []query.Fact
	switch a := v.(type) {
	case query.Paths:
		for _, p := range a.Paths {
			facts = append(facts, p...)
		}
	case query.Facts:
		facts = a.Facts
	case query.Meetings:
		for _, m := range a.Meetings {
			facts = append(facts, m.Facts...)
		}
	default:
		return nil, false
	}
	p := &picture{index: map[string]int{}}
	seen := map[string]bool{}
	for _, f := range facts {
		from, to := f.From, f.To
		if !f.Forward {
			from, to = to, from
		}
		a, b := p.node(from), p.node(to)
		label := string(f.Relation)
		if f.Phrase != "" {
			label += ": " + f.Phrase
		}
		if f.Date != "" {
			label += " (" + f.Date + ")"
		}
		key := fmt.Sprint(a, b, label)
		if seen[key] {
			continue // the same fact reached by two paths
		}
		seen[key] = true
		p.edges = append(p.edges, arrow{from: a, to: b, label: label, fact: f})
	}
	return p, true
}

func (p *picture) node(n graph.Node) int {
	if i, ok := p.index[n.Key()]; ok {
		return i
	}
	p.index[n.Key()] = len(p.nodes)
	p.nodes = append(p.nodes, n)
	return len(p.nodes) - 1
}

// labelColours tell the labels apart in both formats.
var labelColours = map[schema.Label]string{
	schema.State: "#4e79a7", schema.Official: "#f28e2b", schema.Forum: "#59a14f",
	schema.Topic: "#b07aa1", schema.Readout: "#9c755f",
}

func writeMermaid(w io.Writer, p *picture) error {
	var b strings.Builder
	b.WriteString("graph LR\n")
	for i, n := range p.nodes {
		fmt.Fprintf(&b, "  n%d[\"%s\"]:::%s\n", i, mermaidText(query.Label(n)), strings.ToLower(string(n.Label)))
	}
	for _, e := range p.edges {
		fmt.Fprintf(&b, "  n%d -- \"%s\" --> n%d\n", e.from, mermaidText(e.label), e.to)
	}
	for _, l := range sortedLabels() {
		fmt.Fprintf(&b, "  classDef %s fill:%s,color:#fff\n", strings.ToLower(string(l)), labelColours[l])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidText keeps a label inside its quotes: Mermaid reads entity codes
// for what would end or break it.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", " ", "<", "#lt;", ">", "#gt;").Replace(Terminal(s))
}

func writeDOT(w io.Writer, p *picture) error {
	var b strings.Builder
	b.WriteString("digraph diplograph {\n  rankdir=LR;\n  node [shape=box, style=filled, fontcolor=white];\n")
	for _, n := range p.nodes {
		fmt.Fprintf(&b, "  %s [label=%s, fillcolor=%q];\n", dotID(n.Key()), dotID(query.Label(n)), labelColours[n.Label])
	}
	for _, e := range p.edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", dotID(p.nodes[e.from].Key()), dotID(p.nodes[e.to].Key()), dotID(e.label))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotID quotes a string as a DOT identifier.
func dotID(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(Terminal(s)) + `"`
}

func sortedLabels() []schema.Label {
	ls := make([]schema.Label, 0, len(labelColours))
	for l := range labelColours {
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i] < ls[j] })
	return ls
}
