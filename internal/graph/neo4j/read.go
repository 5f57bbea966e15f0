package neo4j

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Node returns one node by key.
func (s *Store) Node(ctx context.Context, key string) (graph.Node, error) {
	res, err := s.read(ctx, query("node"), map[string]any{"key": key})
	if err != nil {
		return graph.Node{}, err
	}
	for _, row := range res.Rows {
		if n, ok := row[0].(dbtype.Node); ok {
			return toNode(n), nil
		}
	}
	return graph.Node{}, fmt.Errorf("%s: %w", key, graph.ErrNotFound)
}

// FindNodes searches non-readout nodes by id or name, shortest names first.
func (s *Store) FindNodes(ctx context.Context, text string, limit int) ([]graph.Node, error) {
	if limit == 0 {
		return nil, nil
	}
	if limit < 0 {
		limit = math.MaxInt32 // as SQL's LIMIT -1: no limit
	}
	res, err := s.read(ctx, query("find"), map[string]any{"text": text, "limit": limit})
	if err != nil {
		return nil, err
	}
	var out []graph.Node
	for _, row := range res.Rows {
		if n, ok := row[0].(dbtype.Node); ok {
			out = append(out, toNode(n))
		}
	}
	return out, nil
}

// hops runs a canned query returning (from, rel, to) rows and sorts them.
func (s *Store) hops(ctx context.Context, name string, params map[string]any) ([]graph.Hop, error) {
	res, err := s.read(ctx, query(name), params)
	if err != nil {
		return nil, err
	}
	out := hopsOf(res)
	graph.SortHops(out)
	return out, nil
}

// Neighbors returns every cited edge at a node.
func (s *Store) Neighbors(ctx context.Context, key string) ([]graph.Hop, error) {
	return s.hops(ctx, "neighbors", map[string]any{"key": key})
}

// Meetings returns MET_WITH edges of a node (a state: of its officials)
// within a date range. The range is applied here, with DateRange.Contains,
// so that the answer is the embedded store's to the letter.
func (s *Store) Meetings(ctx context.Context, key string, r graph.DateRange) ([]graph.Hop, error) {
	hops, err := s.hops(ctx, "meetings", map[string]any{"key": key, "since": "", "until": ""})
	if err != nil {
		return nil, err
	}
	return r.Filter(hops), nil
}

// Commitments returns COMMITTED_TO edges of a node (a state: and its officials').
func (s *Store) Commitments(ctx context.Context, key string) ([]graph.Hop, error) {
	return s.hops(ctx, "commitments", map[string]any{"key": key})
}

// Topics returns both sides' DISCUSSED edges for topics a and b discussed
// in the same readout.
func (s *Store) Topics(ctx context.Context, a, b string) ([]graph.Hop, error) {
	return s.hops(ctx, "topics", map[string]any{"a": a, "b": b})
}

// Members returns the MEMBER_OF edges into a forum.
func (s *Store) Members(ctx context.Context, forum string) ([]graph.Hop, error) {
	return s.hops(ctx, "members", map[string]any{"forum": forum})
}

// Stats counts nodes of the schema's labels and relationships of its
// types. Neo4j cannot hold a relationship without both ends, so none is
// ever dangling.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st := graph.Stats{Nodes: map[schema.Label]int{}, Edges: map[schema.RelType]int{}}
	res, err := s.read(ctx, query("stats"), nil)
	if err != nil {
		return st, err
	}
	for _, row := range res.Rows {
		kind, name := str(row[0]), str(row[1])
		n, _ := row[2].(int64)
		switch {
		case kind == "nodes" && slices.Contains(schema.Labels, schema.Label(name)):
			st.Nodes[schema.Label(name)] = int(n)
		case kind == "relationships" && slices.Contains(schema.RelTypes, schema.RelType(name)):
			st.Edges[schema.RelType(name)] = int(n)
		}
	}
	return st, nil
}
