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

const (
	// maxPaths bounds how many equally short paths Path returns, and
	// maxWalks how many it considers, as in the embedded store.
	maxPaths = 10
	maxWalks = 10000
)

// Path returns the shortest paths of at most maxHops hops between two
// nodes, over every relationship but MENTIONS, ignoring direction: the
// first maxPaths walks in node-key order (graph.NormalizePaths' order),
// each hop through its preferred edge. No path is an empty list, not nil.
//
// It does not use allShortestPaths (path.cypher, for people): Cypher
// enumerates every combination of parallel edges, which in a corpus where
// two ministers met fifty times is exponential in the path length. Like
// the embedded store, Path searches the graph of nodes instead, breadth
// first, one statement per hop, and reads edges only for the walks it
// returns.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]graph.Path, error) {
	if from == to {
		return []graph.Path{}, nil
	}
	a, b, err := s.pathEnds(ctx, from, to)
	if err != nil || a.id == "" || b.id == "" {
		return []graph.Path{}, err
	}
	tree, err := s.search(ctx, a, b, maxHops)
	if err != nil {
		return nil, err
	}
	walks := tree.walks(a.id, b.id)
	sort.Slice(walks, func(i, j int) bool { return tree.signature(walks[i]) < tree.signature(walks[j]) })
	if len(walks) > maxPaths {
		walks = walks[:maxPaths]
	}
	paths, err := s.hydrate(ctx, walks)
	if err != nil {
		return nil, err
	}
	return graph.NormalizePaths(paths, maxPaths), nil
}

// end is a node as the search sees it: element id and key.
type end struct{ id, key string }

// pathEnds finds both nodes, each only if it has a cited edge.
func (s *Store) pathEnds(ctx context.Context, from, to string) (end, end, error) {
	q := fmt.Sprintf("MATCH (n:%s) WHERE n.%s = $id AND $label IN labels(n) AND EXISTS { (n)-[:%s]-() } RETURN elementId(n)",
		labelList(schema.Labels), schema.PropID, typeList(citedTypes()))
	var ends [2]end
	for i, key := range []string{from, to} {
		label, id, ok := schema.SplitKey(key)
		if !ok {
			return end{}, end{}, nil
		}
		res, err := s.read(ctx, q, map[string]any{"id": id, "label": string(label)})
		if err != nil {
			return end{}, end{}, err
		}
		if len(res.Rows) > 0 {
			ends[i] = end{id: str(res.Rows[0][0]), key: key}
		}
	}
	return ends[0], ends[1], nil
}

// searchTree is a breadth-first search from a: each node reached, with
// the nodes one hop nearer to a it was reached from.
type searchTree struct {
	keys    map[string]string   // element id to node key
	parents map[string][]string // element id to the ids it was reached from
	found   bool
}

// search expands from a one hop per statement until b is reached or
// maxHops is spent.
func (s *Store) search(ctx context.Context, a, b end, maxHops int) (*searchTree, error) {
	q := fmt.Sprintf("UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id MATCH (n)-[:%s]-(m) "+
		"RETURN DISTINCT id, elementId(m) AS m, [l IN labels(m) WHERE l IN $labels][0] + ':' + m.%s AS key",
		typeList(citedTypes()), schema.PropID)
	labels := make([]string, len(schema.Labels))
	for i, l := range schema.Labels {
		labels[i] = string(l)
	}
	t := &searchTree{keys: map[string]string{a.id: a.key}, parents: map[string][]string{}}
	dist := map[string]int{a.id: 0}
	frontier := []string{a.id}
	for depth := 1; depth <= maxHops && len(frontier) > 0 && !t.found; depth++ {
		res, err := s.read(ctx, q, map[string]any{"ids": frontier, "labels": labels})
		if err != nil {
			return nil, err
		}
		frontier = nil
		for _, row := range res.Rows {
			n, m, key := str(row[0]), str(row[1]), str(row[2])
			d, seen := dist[m]
			if !seen {
				dist[m], t.keys[m] = depth, key
				frontier = append(frontier, m)
			} else if d != depth {
				continue
			}
			t.parents[m] = append(t.parents[m], n)
		}
		t.found = dist[b.id] > 0
	}
	return t, nil
}

// signature is a walk's node keys joined as graph.NormalizePaths joins them.
func (t *searchTree) signature(walk []string) string {
	keys := make([]string, len(walk))
	for i, id := range walk {
		keys[i] = t.keys[id]
	}
	return strings.Join(keys, "|")
}

// walks lists the shortest walks from a to b as element ids, at most
// maxWalks of them, found in order of their node keys.
func (t *searchTree) walks(a, b string) [][]string {
	if !t.found {
		return nil
	}
	children := map[string][]string{}
	onPath := map[string]bool{b: true}
	queue := []string{b}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for _, n := range t.parents[m] {
			children[n] = append(children[n], m)
			if !onPath[n] {
				onPath[n] = true
				queue = append(queue, n)
			}
		}
	}
	for _, c := range children {
		sort.Slice(c, func(i, j int) bool { return t.keys[c[i]] < t.keys[c[j]] })
	}
	var out [][]string
	var walk func(prefix []string)
	walk = func(prefix []string) {
		last := prefix[len(prefix)-1]
		if last == b {
			out = append(out, append([]string(nil), prefix...))
			return
		}
		for _, c := range children[last] {
			if len(out) >= maxWalks {
				return
			}
			walk(append(prefix, c))
		}
	}
	walk([]string{a})
	return out
}

// hydrate reads every edge of every hop of the walks and turns each walk
// into a path through the preferred edge at each hop.
func (s *Store) hydrate(ctx context.Context, walks [][]string) ([]graph.Path, error) {
	type pair struct{ a, b string }
	var params []any
	byPair := map[pair][]graph.Hop{}
	for _, w := range walks {
		for i := 0; i+1 < len(w); i++ {
			if p := (pair{w[i], w[i+1]}); byPair[p] == nil {
				byPair[p] = []graph.Hop{}
				params = append(params, []any{p.a, p.b})
			}
		}
	}
	if len(params) == 0 {
		return nil, nil
	}
	q := fmt.Sprintf("UNWIND $pairs AS pair MATCH (a) WHERE elementId(a) = pair[0] MATCH (b) WHERE elementId(b) = pair[1] "+
		"MATCH (a)-[r:%s]-(b) RETURN a, r, b", typeList(citedTypes()))
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
			paths[i] = append(paths[i], best[pair{w[j], w[j+1]}])
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
