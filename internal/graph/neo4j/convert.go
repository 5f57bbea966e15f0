package neo4j

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// toNode turns a driver node into a graph node. Props hold what the
// document's node props held: not the id, the name or the fingerprint.
func toNode(n dbtype.Node) graph.Node {
	out := graph.Node{Label: nodeLabel(n), ID: str(n.Props[schema.PropID]), Name: str(n.Props[schema.PropName])}
	out.Props = stringProps(n.Props, schema.PropID, schema.PropName, propFingerprint)
	return out
}

func nodeLabel(n dbtype.Node) schema.Label {
	for _, l := range n.Labels {
		if slices.Contains(schema.Labels, schema.Label(l)) {
			return schema.Label(l)
		}
	}
	if len(n.Labels) > 0 {
		return schema.Label(n.Labels[0])
	}
	return ""
}

// toEdge turns a driver relationship between two known nodes into an edge.
func toEdge(r dbtype.Relationship, a, b dbtype.Node) graph.Edge {
	start, end := a, b
	if r.StartElementId != a.ElementId {
		start, end = b, a
	}
	return graph.Edge{
		Type:     schema.RelType(r.Type),
		From:     toNode(start).Key(),
		To:       toNode(end).Key(),
		Readout:  str(r.Props[schema.PropReadout]),
		Date:     str(r.Props[schema.PropDate]),
		Evidence: str(r.Props[schema.PropEvidence]),
		Props:    stringProps(r.Props, schema.PropReadout, schema.PropDate, schema.PropEvidence),
	}
}

// stringProps copies properties but the skipped ones as strings; none is nil.
func stringProps(props map[string]any, skip ...string) map[string]string {
	var out map[string]string
	for k, v := range props {
		if slices.Contains(skip, k) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[k] = str(v)
	}
	return out
}

func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// hopsOf reads rows of (from node, relationship, to node) as hops.
func hopsOf(res *result) []graph.Hop {
	var out []graph.Hop
	for _, row := range res.Rows {
		a, aok := row[0].(dbtype.Node)
		r, rok := row[1].(dbtype.Relationship)
		b, bok := row[2].(dbtype.Node)
		if !aok || !rok || !bok {
			continue
		}
		out = append(out, graph.Hop{From: toNode(a), Edge: toEdge(r, a, b), To: toNode(b)})
	}
	return out
}

// plainValue turns a driver value into plain Go values for a Table.
func plainValue(v any) any {
	switch v := v.(type) {
	case dbtype.Node:
		m := plainMap(v.Props)
		delete(m, propFingerprint)
		m["label"] = strings.Join(v.Labels, ":")
		return m
	case dbtype.Relationship:
		m := plainMap(v.Props)
		m["type"] = v.Type
		return m
	case dbtype.Path:
		return pathString(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plainValue(x)
		}
		return out
	case map[string]any:
		return plainMap(v)
	case fmt.Stringer: // dates, times, durations, points
		return v.String()
	}
	return v
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, x := range m {
		out[k] = plainValue(x)
	}
	return out
}

// pathString draws a path with node keys and relationship types.
func pathString(p dbtype.Path) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			r := p.Relationships[i-1]
			if r.StartElementId == n.ElementId {
				fmt.Fprintf(&b, "<-[:%s]-", r.Type)
			} else {
				fmt.Fprintf(&b, "-[:%s]->", r.Type)
			}
		}
		fmt.Fprintf(&b, "(%s)", toNode(n).Key())
	}
	return b.String()
}
