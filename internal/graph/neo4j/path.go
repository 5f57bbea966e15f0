package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Path returns the shortest paths of at most maxHops hops between two
// nodes, over every relationship but MENTIONS, ignoring direction: the
// first graph.MaxPaths walks in node-key order (graph.NormalizePaths' order),
// each hop through its preferred edge. No path is an empty list, not nil.
//
// It does not use allShortestPaths (path.cypher, for people): Cypher
// enumerates every combination of parallel edges, which in a corpus where
// two ministers met fifty times is exponential in the path length. Nor does
// it search breadth first with a statement per hop: the server then walks
// every relationship of every hub on the way, seconds on a million
// relationships. Like the embedded store, it searches a cached graph of
// nodes (see adjacency) in memory and reads edges only for the walks it
// returns.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]graph.Path, error) {
	adj, err := s.adjacency(ctx)
	if err != nil {
		return nil, err
	}
	a, ok1 := adj.index[from]
	b, ok2 := adj.index[to]
	if !ok1 || !ok2 || from == to {
		return []graph.Path{}, nil
	}
	walks := adj.walks(a, b, maxHops)
	sort.Slice(walks, func(i, j int) bool { return adj.signature(walks[i]) < adj.signature(walks[j]) })
	if len(walks) > graph.MaxPaths {
		walks = walks[:graph.MaxPaths]
	}
	paths, err := s.hydrate(ctx, adj, walks)
	if err != nil {
		return nil, err
	}
	return graph.NormalizePaths(paths, graph.MaxPaths), nil
}

// walks lists the shortest walks from a to b of at most maxHops hops, at
// most graph.MaxWalks of them.
func (adj *adjacency) walks(a, b int32, maxHops int) [][]int32 {
	dist := map[int32]int{a: 0}
	parents := map[int32][]int32{}
	frontier := []int32{a}
	for depth := 1; depth <= maxHops && len(frontier) > 0; depth++ {
		var next []int32
		for _, n := range frontier {
			for _, m := range adj.nbrs[n] {
				d, seen := dist[m]
				if !seen {
					dist[m] = depth
					next = append(next, m)
				} else if d != depth {
					continue
				}
				parents[m] = append(parents[m], n)
			}
		}
		if _, found := dist[b]; found {
			break
		}
		frontier = next
	}
	if _, found := dist[b]; !found {
		return nil
	}
	var out [][]int32
	var back func(n int32, suffix []int32)
	back = func(n int32, suffix []int32) {
		if len(out) >= graph.MaxWalks {
			return
		}
		suffix = append([]int32{n}, suffix...)
		if n == a {
			out = append(out, suffix)
			return
		}
		for _, p := range parents[n] {
			back(p, suffix)
		}
	}
	back(b, nil)
	return out
}

// signature is a walk's node keys joined as graph.NormalizePaths joins them.
func (adj *adjacency) signature(walk []int32) string {
	keys := make([]string, len(walk))
	for i, n := range walk {
		keys[i] = adj.keys[n]
	}
	return strings.Join(keys, "|")
}

// hydrate reads the edges of every hop of the walks, only those of the
// latest date between each two nodes, and turns each walk into a path
// through the preferred edge at each hop.
func (s *Store) hydrate(ctx context.Context, adj *adjacency, walks [][]int32) ([]graph.Path, error) {
	type pair struct{ a, b string }
	var params []any
	byPair := map[pair][]graph.Hop{}
	for _, w := range walks {
		for i := 0; i+1 < len(w); i++ {
			if p := (pair{adj.elem[w[i]], adj.elem[w[i+1]]}); byPair[p] == nil {
				byPair[p] = []graph.Hop{}
				params = append(params, []any{p.a, p.b})
			}
		}
	}
	if len(params) == 0 {
		return nil, nil
	}
	cited := typeList(citedTypes())
	q := fmt.Sprintf("UNWIND $pairs AS pair MATCH (a) WHERE elementId(a) = pair[0] MATCH (b) WHERE elementId(b) = pair[1] "+
		"CALL (a, b) { MATCH (a)-[r:%[1]s]-(b) WITH max(coalesce(r.%[2]s, '')) AS latest "+
		"MATCH (a)-[r:%[1]s]-(b) WHERE coalesce(r.%[2]s, '') = latest RETURN r } RETURN a, r, b", cited, schema.PropDate)
	res, err := s.read(ctx, q, map[string]any{"pairs": params})
	if err != nil {
		return nil, err
	}
	for _, row := range res.Rows {
		a, b := row[0].(dbtype.Node), row[2].(dbtype.Node)
		h := graph.Hop{From: toNode(a), Edge: toEdge(row[1].(dbtype.Relationship), a, b), To: toNode(b)}
		p := pair{a.ElementId, b.ElementId}
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
			paths[i] = append(paths[i], best[pair{adj.elem[w[j]], adj.elem[w[j+1]]}])
		}
	}
	return paths, nil
}

// preferredHop is the hop through the preferred edge, picked as the
// embedded store picks it: the first in canonical order that no other
// edge is preferred to.
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
func citedTypes() []schema.RelType {
	var out []schema.RelType
	for _, t := range schema.RelTypes {
		if schema.Cited(t) {
			out = append(out, t)
		}
	}
	return out
}
