package embedded

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// adjacency is the graph's shape without its properties: every node joined
// by any cited edge, as a gonum graph, and the version of the file it was
// read from.
type adjacency struct {
	g       *simple.UndirectedGraph
	ids     map[string]int64
	keys    []string
	version int64 // PRAGMA data_version when read
	wrote   int64 // Store.wrote when read
}

// Path returns the shortest paths between two nodes, using gonum's
// Dijkstra over the cached adjacency. Of the walks it finds it keeps the
// first graph.MaxPaths in node-key order (graph.NormalizePaths' order), and only
// then reads each hop's edge from the database.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]graph.Path, error) {
	adj, err := s.adjacency(ctx)
	if err != nil {
		return nil, err
	}
	u, ok1 := adj.ids[from]
	v, ok2 := adj.ids[to]
	if !ok1 || !ok2 || from == to {
		return []graph.Path{}, nil
	}
	tree := path.DijkstraAllFrom(simple.Node(u), adj.g)
	if w := tree.WeightTo(v); w > float64(maxHops) {
		return []graph.Path{}, nil // unreachable (infinite weight) or too far
	}
	type walk struct {
		sig   string
		nodes []int64
	}
	var walks []walk
	tree.AllToFunc(v, func(nodes []gonumgraph.Node) {
		if len(walks) >= graph.MaxWalks {
			return
		}
		ids := make([]int64, len(nodes))
		keys := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i], keys[i] = n.ID(), adj.keys[n.ID()]
		}
		walks = append(walks, walk{strings.Join(keys, "|"), ids})
	})
	sort.Slice(walks, func(i, j int) bool { return walks[i].sig < walks[j].sig })
	if len(walks) > graph.MaxPaths {
		walks = walks[:graph.MaxPaths]
	}
	out := make([]graph.Path, 0, len(walks))
	for _, w := range walks {
		p, err := s.hydrate(ctx, adj, w.nodes)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return graph.NormalizePaths(out, graph.MaxPaths), nil
}

// hydrate turns a walk of node ids into hops, each with its preferred edge.
func (s *Store) hydrate(ctx context.Context, adj *adjacency, nodes []int64) (graph.Path, error) {
	p := make(graph.Path, 0, len(nodes)-1)
	for i := 0; i+1 < len(nodes); i++ {
		a, b := adj.keys[nodes[i]], adj.keys[nodes[i+1]]
		hops, err := s.hops(ctx, map[string]bool{a: true}, `WHERE (e.src = ?1 AND e.dst = ?2 AND e.date = (SELECT max(date) FROM edges WHERE src = ?1 AND dst = ?2))
			OR (e.src = ?2 AND e.dst = ?1 AND e.date = (SELECT max(date) FROM edges WHERE src = ?2 AND dst = ?1))`, a, b)
		if err != nil {
			return nil, err
		}
		if len(hops) == 0 {
			return nil, fmt.Errorf("path %s-%s: edge vanished during the query", a, b)
		}
		best := hops[0]
		for _, h := range hops[1:] {
			if graph.Preferred(h.Edge, best.Edge) {
				best = h
			}
		}
		p = append(p, best)
	}
	return p, nil
}

// adjacency returns the cached adjacency, reading it again when this or
// another process has written since.
func (s *Store) adjacency(ctx context.Context) (*adjacency, error) {
	var version int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
		return nil, translate(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.adj != nil && s.adj.version == version && s.adj.wrote == s.wrote {
		return s.adj, nil
	}
	adj, err := s.loadAdjacency(ctx)
	if err != nil {
		return nil, err
	}
	adj.version, adj.wrote = version, s.wrote
	s.adj = adj
	return adj, nil
}

func (s *Store) loadAdjacency(ctx context.Context) (*adjacency, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT src, dst FROM edges`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	adj := &adjacency{g: simple.NewUndirectedGraph(), ids: map[string]int64{}}
	id := func(k string) int64 {
		if v, ok := adj.ids[k]; ok {
			return v
		}
		v := int64(len(adj.keys))
		adj.ids[k] = v
		adj.keys = append(adj.keys, k)
		adj.g.AddNode(simple.Node(v))
		return v
	}
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		u, v := id(a), id(b)
		if u != v {
			adj.g.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
		}
	}
	return adj, translate(rows.Err())
}
