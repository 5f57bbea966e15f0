package extract

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// addEdge records a fact once: the first sentence that supports it is its
// evidence.
func (d *doc) addEdge(t schema.RelType, from, to, evidence string, props map[string]string) {
	k := edgeKey{string(t), from, to, props[schema.PropPhrase]}
	if d.sc.edgeSet[k] || from == to {
		return
	}
	d.sc.edgeSet[k] = true
	date := d.factDate
	if date == "" {
		date = d.r.Date
	}
	d.sc.edges = append(d.sc.edges, graph.Edge{Type: t, From: from, To: to, Readout: d.r.ID, Date: date, Evidence: evidence, Props: props})
}

// nodeRef names a node in the document being built. Nodes are ordered by
// label, then id, which is the order of their keys, since no label is a
// prefix of another (schema.TestLabelsPrefixFree), and comparing the two
// spares building a key for every mention.
type nodeRef struct {
	label schema.Label
	id    string
}

func compareNodes(a, b graph.Node) int {
	if c := strings.Compare(string(a.Label), string(b.Label)); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// compareEdges orders edges by type, ends and phrase.
func compareEdges(a, b graph.Edge) int {
	if c := strings.Compare(string(a.Type), string(b.Type)); c != 0 {
		return c
	}
	if c := strings.Compare(a.From, b.From); c != 0 {
		return c
	}
	if c := strings.Compare(a.To, b.To); c != 0 {
		return c
	}
	return strings.Compare(a.Props[schema.PropPhrase], b.Props[schema.PropPhrase])
}

// emit builds the document: the readout node, every node mentioned, the
// cited edges, REPRESENTS for each official with a state, and MENTIONS.
func (d *doc) emit() graph.Document {
	lx := d.x.lx
	nodes := d.sc.nodes
	add := func(n graph.Node) { nodes[nodeRef{n.Label, n.ID}] = n }
	for _, s := range d.sentences {
		for _, m := range s.mentions {
			switch m.kind {
			case mState:
				add(graph.Node{Label: schema.State, ID: m.id, Name: lx.States[m.id].Name})
			case mForum:
				add(graph.Node{Label: schema.Forum, ID: m.id, Name: lx.Forums[m.id].Name})
			}
		}
	}
	d.factDate = d.r.Date // an official represents a state as of the readout
	for _, o := range d.order {
		add(graph.Node{Label: schema.Official, ID: o.id, Name: o.name, Props: officialProps(o)})
		if to, ok := d.representedNode(o); ok {
			add(to)
			d.addEdge(schema.Represents, officialKey(o), to.Key(), o.evidence, map[string]string{schema.PropTitle: o.title})
		}
	}
	for id, name := range d.topics {
		n := graph.Node{Label: schema.Topic, ID: id, Name: name}
		if d.phraseTopics[id] {
			n.Props = map[string]string{schema.PropKind: schema.TopicKindPhrase}
		}
		add(n)
	}
	rd := graph.Node{Label: schema.Readout, ID: d.r.ID, Name: d.r.Title, Props: readoutProps(d)}
	doc := graph.Document{Readout: rd, Nodes: make([]graph.Node, 0, len(nodes))}
	for _, n := range nodes {
		doc.Nodes = append(doc.Nodes, n)
	}
	slices.SortFunc(doc.Nodes, compareNodes)
	doc.Edges = d.citedEdges(len(doc.Nodes))
	from := rd.Key()
	for _, n := range doc.Nodes {
		doc.Edges = append(doc.Edges, graph.Edge{Type: schema.Mentions, From: from, To: n.Key(), Readout: d.r.ID, Date: d.r.Date})
	}
	return doc
}

// citedEdges drops edges whose evidence is empty (a role resolved from the
// table of office holders has no sentence of its own) by citing the first
// sentence, and orders edges deterministically. The slice has room for
// spare more edges.
func (d *doc) citedEdges(spare int) []graph.Edge {
	out := make([]graph.Edge, 0, len(d.sc.edges)+spare)
	for _, e := range d.sc.edges {
		if e.Evidence == "" && len(d.sentences) > 0 {
			e.Evidence = d.sentences[0].text
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, compareEdges)
	return out
}

// representedNode is the node an official represents: an organisation's
// forum, else a state.
func (d *doc) representedNode(o *official) (graph.Node, bool) {
	lx := d.x.lx
	if f, ok := lx.Forums[o.forum]; ok {
		return graph.Node{Label: schema.Forum, ID: o.forum, Name: f.Name}, true
	}
	if st, ok := lx.States[o.state]; ok {
		return graph.Node{Label: schema.State, ID: o.state, Name: st.Name}, true
	}
	return graph.Node{}, false
}

func officialProps(o *official) map[string]string {
	p := map[string]string{}
	if o.title != "" {
		p[schema.PropTitle] = o.title
	}
	if o.state != "" {
		p[schema.PropState] = o.state
	}
	return p
}

func readoutProps(d *doc) map[string]string {
	p := map[string]string{schema.PropSource: d.r.Source, schema.PropOrigin: d.r.Origin, schema.PropTitle: d.r.Title}
	if d.r.Date != "" {
		p[schema.PropDate] = d.r.Date
	}
	if d.r.Location != "" {
		p[schema.PropLocation] = d.r.Location
	}
	return p
}
