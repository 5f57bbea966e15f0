package neo4j

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Path returns the cheapest paths between two nodes over the relationship
// types asked for, ignoring direction (graph.Adjacency.Walks), each hop
// through its preferred edge. No path is an empty list, not nil.
//
// It does not use allShortestPaths (path.cypher, for people): Cypher
// enumerates every combination of parallel edges, which in a corpus where
// two ministers met fifty times is exponential in the path length. Nor does
// it search breadth first with a statement per hop: the server then walks
// every relationship of every hub on the way, seconds on a million
// relationships. Like the embedded store, it searches a cached graph of
// nodes (see adjacency) in memory and reads edges only for the walks it
// returns.
func (s *Store) Path(ctx context.Context, from, to string, q graph.PathQuery) ([]graph.Path, error) {
	adj, err := s.adjacency(ctx)
	if err != nil {
		return nil, err
	}
	walks := adj.Walks(from, to, q)
	if len(walks) == 0 {
		return []graph.Path{}, nil
	}
	return s.hydrate(ctx, adj, walks, graph.TypesOf(q.Types))
}

// hydrate reads the edges of the allowed types of every hop of the walks
// and turns each walk into a path through the preferred edge at each hop.
func (s *Store) hydrate(ctx context.Context, adj *adjacency, walks [][]string, allowed graph.TypeSet) ([]graph.Path, error) {
	type pair struct{ a, b string }
	var params []any
	byPair := map[pair][]graph.Hop{}
	for _, w := range walks {
		for i := 0; i+1 < len(w); i++ {
			if p := (pair{w[i], w[i+1]}); byPair[p] == nil {
				byPair[p] = []graph.Hop{}
				params = append(params, []any{adj.elem[p.a], adj.elem[p.b]})
			}
		}
	}
	q := fmt.Sprintf("UNWIND $pairs AS pair MATCH (a) WHERE elementId(a) = pair[0] MATCH (b) WHERE elementId(b) = pair[1] "+
		"MATCH (a)-[r:%s]-(b) RETURN a, r, b", typeList(allowed.Types()))
	res, err := s.read(ctx, q, map[string]any{"pairs": params})
	if err != nil {
		return nil, err
	}
	for _, row := range res.Rows {
		a, b := row[0].(dbtype.Node), row[2].(dbtype.Node)
		h := graph.Hop{From: toNode(a), Edge: toEdge(row[1].(dbtype.Relationship), a, b), To: toNode(b)}
		p := pair{h.From.Key(), h.To.Key()}
		byPair[p] = append(byPair[p], h)
	}
	best := map[pair]graph.Hop{}
	for p, hops := range byPair {
		if len(hops) == 0 {
			return nil, fmt.Errorf("path %s-%s: edge vanished during the query", p.a, p.b)
		}
		best[p] = preferredHop(hops)
	}
	paths := make([]graph.Path, len(walks))
	for i, w := range walks {
		for j := 0; j+1 < len(w); j++ {
			paths[i] = append(paths[i], best[pair{w[j], w[j+1]}])
		}
	}
	return paths, nil
}

// preferredHop is the hop through the preferred edge, picked as the
// embedded store picks it.
func preferredHop(hops []graph.Hop) graph.Hop {
	graph.SortHops(hops)
	best := hops[0]
	for _, h := range hops[1:] {
		if graph.Preferred(h.Edge, best.Edge) {
			best = h
		}
	}
	return best
}

// citedTypes are the relationship types a path may walk: all but MENTIONS.
func citedTypes() []schema.RelType { return graph.TypesOf(nil).Types() }
