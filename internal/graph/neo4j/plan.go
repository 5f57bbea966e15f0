package neo4j

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// propFingerprint holds a readout's document fingerprint on its node. The
// embedded store keeps it in a table of its own, so readers never show it.
const propFingerprint = "fingerprint"

// plan is a document arranged as the statements that write it: nodes
// grouped by label, edges by type and end labels.
type plan struct {
	id, origin, fingerprint string
	nodes                   []nodeGroup
	edges                   []edgeGroup
	// selfContained says every edge cites this readout and joins two of its
	// nodes, so the edges can be written by the ids its node writes return.
	selfContained bool
}

type nodeGroup struct {
	label schema.Label
	rows  []*nodeRow
}

type edgeGroup struct {
	rel      schema.RelType
	from, to schema.Label
	rows     []edgeRow
}

// nodeRow is one node upsert: its name and every property but the id.
type nodeRow struct {
	id, name string
	props    map[string]any
}

// edgeRow is one relationship to create; from and to are ids of nodes with
// the group's labels.
type edgeRow struct {
	from, to, readout, date, evidence string
	props                             map[string]any
}

// noProps is the property map of an edge that has none. The driver only
// reads it, so every such edge shares it.
var noProps = map[string]any{}

// planDocument validates a document and arranges it for writing. Labels
// and types must be the schema's, since they become part of the statement
// text. Repeated nodes are folded into one row exactly as successive
// upserts would leave them (the last name, the union of properties, later
// values winning); a repeated edge keeps its first citation, as the
// embedded store's INSERT OR IGNORE does.
func planDocument(doc graph.Document) (plan, error) {
	p := plan{id: doc.Readout.ID, origin: doc.Readout.Prop(schema.PropOrigin), fingerprint: doc.Fingerprint()}
	if doc.Readout.Label != schema.Readout {
		return p, fmt.Errorf("readout node has label %q, not %s", doc.Readout.Label, schema.Readout)
	}
	keys, err := p.addNodes(doc)
	if err != nil {
		return p, err
	}
	return p, p.addEdges(doc.Edges, keys)
}

// addNodes groups the nodes by label and returns the set of their keys.
func (p *plan) addNodes(doc graph.Document) (map[string]bool, error) {
	rows := map[string]*nodeRow{}
	byLabel := map[schema.Label]*nodeGroup{}
	for i, n := range append([]graph.Node{doc.Readout}, doc.Nodes...) {
		if !slices.Contains(schema.Labels, n.Label) {
			return nil, fmt.Errorf("node %s: label %q is not in the schema", n.Key(), n.Label)
		}
		if err := checkProps(n.Props, schema.PropID, schema.PropName, propFingerprint); err != nil {
			return nil, fmt.Errorf("node %s: %w", n.Key(), err)
		}
		key := n.Key()
		row := rows[key]
		if row == nil {
			row = &nodeRow{id: n.ID, props: map[string]any{}}
			rows[key] = row
			g := byLabel[n.Label]
			if g == nil {
				g = &nodeGroup{label: n.Label}
				byLabel[n.Label] = g
			}
			g.rows = append(g.rows, row)
		}
		row.name = n.Name
		for k, v := range n.Props {
			row.props[k] = v
		}
		if i == 0 {
			row.props[propFingerprint] = p.fingerprint
		}
	}
	for _, l := range schema.Labels {
		g := nodeGroup{label: l}
		if byLabel[l] != nil {
			g = *byLabel[l]
		}
		p.nodes = append(p.nodes, g)
	}
	keys := make(map[string]bool, len(rows))
	for k := range rows {
		keys[k] = true
	}
	return keys, nil
}

func (p *plan) addEdges(edges []graph.Edge, nodeKeys map[string]bool) error {
	// An edge is one per phrase: a readout may discuss two things the
	// taxonomy files under one topic.
	type key struct{ rel, from, to, readout, phrase string }
	seen := make(map[key]bool, len(edges))
	p.edges = make([]edgeGroup, len(edgeShapes), len(edgeShapes)+1)
	for i, sh := range edgeShapes {
		p.edges[i] = edgeGroup{rel: sh.rel, from: sh.from, to: sh.to}
	}
	var otherShapes map[edgeShape]int
	p.selfContained = true
	for _, e := range edges {
		if !slices.Contains(schema.RelTypes, e.Type) {
			return fmt.Errorf("edge %s-%s: type %q is not in the schema", e.From, e.To, e.Type)
		}
		fl, fid, ok1 := schema.SplitKey(e.From)
		tl, tid, ok2 := schema.SplitKey(e.To)
		if !ok1 || !ok2 {
			return fmt.Errorf("edge %s %s-%s: an end is not a node key like State:US", e.Type, e.From, e.To)
		}
		if err := checkProps(e.Props, schema.PropReadout, schema.PropDate, schema.PropEvidence); err != nil {
			return fmt.Errorf("edge %s %s-%s: %w", e.Type, e.From, e.To, err)
		}
		k := key{string(e.Type), e.From, e.To, e.Readout, e.Props[schema.PropPhrase]}
		if seen[k] {
			continue
		}
		seen[k] = true
		if e.Readout != p.id || !nodeKeys[e.From] || !nodeKeys[e.To] {
			p.selfContained = false
		}
		props := noProps
		if len(e.Props) > 0 {
			props = make(map[string]any, len(e.Props))
			for pk, v := range e.Props {
				props[pk] = v
			}
		}
		sh := edgeShape{e.Type, fl, tl}
		i, ok := shapeIndex[sh]
		if !ok {
			// Not a shape schema.Allowed lists: the embedded store stores it
			// all the same, so this store does too, in a group of its own.
			if i, ok = otherShapes[sh]; !ok {
				if otherShapes == nil {
					otherShapes = map[edgeShape]int{}
				}
				i = len(p.edges)
				otherShapes[sh] = i
				p.edges = append(p.edges, edgeGroup{rel: e.Type, from: fl, to: tl})
			}
		}
		p.edges[i].rows = append(p.edges[i].rows, edgeRow{
			from: fid, to: tid, readout: e.Readout, date: e.Date, evidence: e.Evidence, props: props,
		})
	}
	return nil
}

// edgeShape is a relationship type with the labels of its ends.
type edgeShape struct {
	rel      schema.RelType
	from, to schema.Label
}

// edgeShapes are the shapes schema.Allowed permits, in a stable order.
var edgeShapes = func() []edgeShape {
	var out []edgeShape
	for _, t := range schema.RelTypes {
		for _, f := range schema.Allowed[t].From {
			for _, to := range schema.Allowed[t].To {
				out = append(out, edgeShape{t, f, to})
			}
		}
	}
	return out
}()

// shapeIndex is the position of each of edgeShapes.
var shapeIndex = func() map[edgeShape]int {
	m := make(map[edgeShape]int, len(edgeShapes))
	for i, sh := range edgeShapes {
		m[sh] = i
	}
	return m
}()

// checkProps rejects property keys the store keeps for itself: writing
// them would overwrite a node's identity or an edge's citation.
func checkProps(props map[string]string, reserved ...string) error {
	for _, r := range reserved {
		if _, ok := props[r]; ok {
			return fmt.Errorf("property %q is reserved (reserved here: %s)", r, strings.Join(reserved, ", "))
		}
	}
	return nil
}

// A phase is the statement text that writes one kind of fact (nodes, or
// edges) and the rows it writes. Every group (a label, or an edge shape) is
// a CALL subquery that takes the rows tagged with its number from the one
// list parameter $rows. The text is the same for every readout and there
// is one parameter, so the server plans it once: with a list parameter per
// group, every combination of list sizes was a plan of its own, replanned
// again and again as the graph grew.
type phase struct {
	subqueries []string
	counts     []string // the column each edge subquery counts its rows in
	rows       []map[string]any
}

func (p plan) nodePhase() phase {
	var ph phase
	for i, g := range p.nodes {
		ph.subqueries = append(ph.subqueries, fmt.Sprintf(
			"CALL () { UNWIND [r IN $rows WHERE r.g = %d] AS row "+
				"MERGE (n:%s {%s: row.id}) SET n.%s = row.name, n += row.props }",
			i, g.label, schema.PropID, schema.PropName))
		for _, r := range g.rows {
			ph.rows = append(ph.rows, map[string]any{"g": i, "id": r.id, "name": r.name, "props": r.props})
		}
	}
	return ph
}

// edgePhase creates edges and counts, per group, the rows whose ends it
// found. An edge already stored for the same readout (and phrase) is left as it is, as
// the embedded store's INSERT OR IGNORE leaves it. That check goes through
// the index on the readout property, which Migrate creates: MERGE would
// walk every relationship of both ends, and a minister or a state cited by
// thousands of readouts made ingest slow down as the graph grew. The hint
// keeps the server from choosing a scan while the graph is small and then
// keeping that plan as it grows. (The same hint inside EXISTS was once
// seen ignored in citedQuery; here it has held in every measured run, and
// a CALL subquery in its place measured slower per row: 13.8-14.8
// readouts/s against 14.7-16.2.)
func (p plan) edgePhase() phase {
	var ph phase
	for i, g := range p.edges {
		ph.subqueries = append(ph.subqueries, fmt.Sprintf(
			"CALL () { UNWIND [r IN $rows WHERE r.g = %[1]d] AS row "+
				"MATCH (a:%[2]s {%[4]s: row.from}) MATCH (b:%[3]s {%[4]s: row.to}) "+
				"WITH a, b, row, EXISTS { MATCH (s)-[x:%[5]s]->(e) USING INDEX x:%[5]s(%[6]s) "+
				"WHERE x.%[6]s = row.readout AND s = a AND e = b AND coalesce(x.%[9]s, '') = coalesce(row.props.%[9]s, '') } AS stored "+
				"FOREACH (_ IN CASE WHEN stored THEN [] ELSE [1] END | "+
				"CREATE (a)-[r:%[5]s {%[6]s: row.readout, %[7]s: row.date, %[8]s: row.evidence}]->(b) SET r += row.props) "+
				"RETURN count(*) AS c%[1]d }",
			i, g.from, g.to, schema.PropID, g.rel, schema.PropReadout, schema.PropDate, schema.PropEvidence, schema.PropPhrase))
		ph.counts = append(ph.counts, fmt.Sprintf("c%d", i))
		for _, r := range g.rows {
			ph.rows = append(ph.rows, map[string]any{"g": i, "from": r.from, "to": r.to,
				"readout": r.readout, "date": optional(r.date), "evidence": optional(r.evidence), "props": r.props})
		}
	}
	return ph
}

// statement is the phase's text with the given subqueries, returning the
// counts of its edge groups.
func (ph phase) statement(groups []int) string {
	var parts, counts []string
	for _, g := range groups {
		parts = append(parts, ph.subqueries[g])
		if ph.counts != nil {
			counts = append(counts, ph.counts[g])
		}
	}
	if len(counts) > 0 {
		parts = append(parts, "RETURN "+strings.Join(counts, ", "))
	}
	return strings.Join(parts, " ")
}

// optional is a relationship property's value as a parameter: nil for an
// empty one, so that CREATE stores no property at all. A stored "" is not
// NULL in Cypher: a relationship without a date would escape
// "r.date IS NULL" and sort before every dated one.
func optional(v string) any {
	if v == "" {
		return nil
	}
	return v
}
