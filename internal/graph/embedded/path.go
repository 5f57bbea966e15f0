package embedded

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// adjacency is the cached graph.Adjacency and the version of the file it
// was read from.
type adjacency struct {
	*graph.Adjacency
	version int64 // PRAGMA data_version when read
	wrote   int64 // Store.wrote when read
}

// Path returns the cheapest paths between two nodes over the cached
// adjacency (graph.Adjacency.Walks), and only then reads each hop's edge
// from the database.
func (s *Store) Path(ctx context.Context, from, to string, q graph.PathQuery) ([]graph.Path, error) {
	adj, err := s.adjacency(ctx)
	if err != nil {
		return nil, err
	}
	walks := adj.Walks(from, to, q)
	allowed := graph.TypesOf(q.Types)
	out := make([]graph.Path, 0, len(walks))
	for _, w := range walks {
		p, err := s.hydrate(ctx, w, allowed)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// hydrate turns a walk of node keys into hops, each through the preferred
// edge of the allowed types between its two nodes.
func (s *Store) hydrate(ctx context.Context, walk []string, allowed graph.TypeSet) (graph.Path, error) {
	p := make(graph.Path, 0, len(walk)-1)
	for i := 0; i+1 < len(walk); i++ {
		a, b := walk[i], walk[i+1]
		hops, err := s.hops(ctx, map[string]bool{a: true}, `WHERE (e.src = ?1 AND e.dst = ?2) OR (e.src = ?2 AND e.dst = ?1)`, a, b)
		if err != nil {
			return nil, err
		}
		var best *graph.Hop
		for j, h := range hops {
			if allowed.Has(h.Edge.Type) && (best == nil || graph.Preferred(h.Edge, best.Edge)) {
				best = &hops[j]
			}
		}
		if best == nil {
			return nil, fmt.Errorf("path %s-%s: edge vanished during the query", a, b)
		}
		p = append(p, *best)
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
	a, err := s.loadAdjacency(ctx)
	if err != nil {
		return nil, err
	}
	s.adj = &adjacency{Adjacency: a, version: version, wrote: s.wrote}
	return s.adj, nil
}

// loadAdjacency reads every distinct pair of nodes a cited edge joins,
// with the edge's type.
func (s *Store) loadAdjacency(ctx context.Context) (*graph.Adjacency, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT src, dst, type FROM edges`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	b := graph.NewAdjacencyBuilder()
	for rows.Next() {
		var from, to, typ string
		if err := rows.Scan(&from, &to, &typ); err != nil {
			return nil, err
		}
		b.Add(from, to, schema.RelType(typ))
	}
	return b.Build(), translate(rows.Err())
}
