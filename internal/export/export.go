// Package export writes the graph, or the slice of it dated within a
// range, in the formats of the tools analysts already use: GraphML (Gephi,
// yEd, Cytoscape, networkx), the CSV files `neo4j-admin database import`
// reads, and an event table in the shape GDELT users know. Every writer
// streams: it holds the graph's nodes in memory at most, never its edges.
package export

import (
	"context"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// Source is what an export reads: every store streams its nodes and its
// edges dated within a range.
type Source interface {
	EachNode(ctx context.Context, fn func(graph.Node) error) error
	EachEdge(ctx context.Context, r graph.DateRange, fn func(graph.Edge) error) error
}

// nodeProps are the node properties the tabular formats give a column of
// their own, in order.
var nodeProps = []string{schema.PropTitle, schema.PropState, schema.PropKind, schema.PropDate,
	schema.PropLocation, schema.PropSource, schema.PropOrigin}

// edgeProps are the relationship properties given a column, in order.
var edgeProps = []string{schema.PropReadout, schema.PropDate, schema.PropEvidence, schema.PropPhrase,
	schema.PropAct, schema.PropCameo, schema.PropTitle}

// edgeProp reads one of edgeProps from an edge.
func edgeProp(e graph.Edge, k string) string {
	switch k {
	case schema.PropReadout:
		return e.Readout
	case schema.PropDate:
		return e.Date
	case schema.PropEvidence:
		return e.Evidence
	}
	return e.Props[k]
}

// touched returns the keys of the nodes that the edges dated within r
// join, or nil when r is open (every node is in).
func touched(ctx context.Context, src Source, r graph.DateRange) (map[string]bool, error) {
	if r.Since == "" && r.Until == "" {
		return nil, nil
	}
	keys := map[string]bool{}
	err := src.EachEdge(ctx, r, func(e graph.Edge) error {
		keys[e.From], keys[e.To] = true, true
		return nil
	})
	return keys, err
}

// eachNodeIn calls fn for the nodes in keys (all of them when keys is nil).
func eachNodeIn(ctx context.Context, src Source, keys map[string]bool, fn func(graph.Node) error) error {
	return src.EachNode(ctx, func(n graph.Node) error {
		if keys != nil && !keys[n.Key()] {
			return nil
		}
		return fn(n)
	})
}
