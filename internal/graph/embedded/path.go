package embedded

import (
	"context"
	"fmt"

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

// maxPaths bounds how many equally short paths a query returns.
const maxPaths = 10

// Path returns the shortest paths between two nodes, using gonum's
// Dijkstra over the cached adjacency, then reads each hop's edges.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]graph.Path, error) {
	adj, err := s.adjacency(ctx)
	if err != nil {
		return nil, err
	}
	u, ok1 := adj.ids[from]
	v, ok2 := adj.ids[to]
	if !ok1 || !ok2 || from == to {
		return nil, nil
	}
	tree := path.DijkstraAllFrom(simple.Node(u), adj.g)
	var out []graph.Path
	var walkErr error
	tree.AllToFunc(v, func(nodes []gonumgraph.Node) {
		if walkErr != nil || len(nodes)-1 > maxHops || len(out) >= 4*maxPaths {
			return
		}
		p, err := s.hydrate(ctx, adj, nodes)
		if err != nil {
			walkErr = err
			return
		}
		out = append(out, p)
	})
	if walkErr != nil {
		return nil, walkErr
	}
	return graph.NormalizePaths(out, maxPaths), nil
}

// hydrate turns a walk of node ids into hops with their edges.
func (s *Store) hydrate(ctx context.Context, adj *adjacency, nodes []gonumgraph.Node) (graph.Path, error) {
	p := make(graph.Path, 0, len(nodes)-1)
	for i := 0; i+1 < len(nodes); i++ {
		a, b := adj.keys[nodes[i].ID()], adj.keys[nodes[i+1].ID()]
		hops, err := s.hops(ctx, map[string]bool{a: true},
			`WHERE (e.src = ? AND e.dst = ?) OR (e.src = ? AND e.dst = ?)`, a, b, b, a)
		if err != nil {
			return nil, err
		}
		if len(hops) == 0 {
			return nil, fmt.Errorf("path %s-%s: edge vanished during the query", a, b)
		}
		edges := make([]graph.Edge, len(hops))
		for j, h := range hops {
			edges[j] = h.Edge
		}
		best := graph.PreferEdge(edges)
		for _, h := range hops {
			if h.Edge.Type == best.Type && h.Edge.Readout == best.Readout && h.Edge.From == best.From {
				p = append(p, h)
				break
			}
		}
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
