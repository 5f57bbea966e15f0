package embedded

import (
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// plan is what writing a document takes that depends on the document
// alone: its fingerprint, its nodes' keys and properties as JSON, and its
// edges, each once, with their properties as JSON. Prepare works it out
// ahead on the caller's goroutine (ingest's extraction workers), so that
// the store's one writer spends its time in SQLite: this was a fifth of
// the writer's time.
type plan struct {
	id, origin, fp string
	nodes          []plannedNode // the readout's node first
	mentions       []graph.Edge  // MENTIONS, which the mentions table keeps
	cited          []graph.Edge  // every other edge, each once
	citedProps     []string      // their properties as JSON
}

type plannedNode struct {
	key, label, id, name, propsJSON string
}

// Prepare works out a document's plan (see plan) for WriteReadouts, which
// finds it in the document's Prepared and works it out itself when it is
// missing. A document changed after Prepare must be prepared again.
func (s *Store) Prepare(doc graph.Document) any { return newPlan(doc) }

func newPlan(doc graph.Document) *plan {
	p := &plan{id: doc.Readout.ID, origin: doc.Readout.Prop(schema.PropOrigin), fp: doc.Fingerprint()}
	for _, n := range append([]graph.Node{doc.Readout}, doc.Nodes...) {
		p.nodes = append(p.nodes, plannedNode{key: n.Key(), label: string(n.Label), id: n.ID, name: n.Name,
			propsJSON: propsJSON(n.Props)})
	}
	type edgeKey struct {
		t                      schema.RelType
		from, to, readout, raw string
	}
	seen := make(map[edgeKey]bool, len(doc.Edges))
	for _, e := range doc.Edges {
		if e.Type == schema.Mentions {
			p.mentions = append(p.mentions, e)
			continue
		}
		props := propsJSON(e.Props)
		k := edgeKey{e.Type, e.From, e.To, e.Readout, props}
		if seen[k] {
			continue // a readout's own duplicate: stored once
		}
		seen[k] = true
		p.cited, p.citedProps = append(p.cited, e), append(p.citedProps, props)
	}
	return p
}

// planOf is the document's plan: the one Prepare left in it, else a new one.
func planOf(doc graph.Document) *plan {
	if p, ok := doc.Prepared.(*plan); ok {
		return p
	}
	return newPlan(doc)
}
