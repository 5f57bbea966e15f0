package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

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
	numbers, err := s.numbers(ctx, walk)
	if err != nil {
		return nil, err
	}
	types := jsonList(typeNames(allowed))
	latestDate, err := s.prepared(ctx, `SELECT coalesce(max(m), '') FROM (
		SELECT max(date) AS m FROM edges WHERE src = ?1 AND dst = ?2 AND type IN (SELECT value FROM json_each(?3))
		UNION ALL SELECT max(date) FROM edges WHERE src = ?2 AND dst = ?1 AND type IN (SELECT value FROM json_each(?3)))`)
	if err != nil {
		return nil, err
	}
	p := make(graph.Path, 0, len(walk)-1)
	for i := 0; i+1 < len(walk); i++ {
		a, b := numbers[i], numbers[i+1]
		// Only the edges of the latest date can be preferred (graph.Preferred):
		// an official represents a state in thousands of readouts. Each
		// direction is its own index search; OR-ing them cost fifty times
		// as much.
		var latest string
		if err := latestDate.QueryRowContext(ctx, a, b, types).Scan(&latest); err != nil {
			return nil, translate(err)
		}
		var hops []graph.Hop
		for _, ends := range [][2]int64{{a, b}, {b, a}} {
			h, err := s.hops(ctx, map[string]bool{walk[i]: true}, `WHERE e.src = ? AND e.dst = ? AND e.date = ?
				AND e.type IN (SELECT value FROM json_each(?))`, ends[0], ends[1], latest, types)
			if err != nil {
				return nil, err
			}
			hops = append(hops, h...)
		}
		graph.SortHops(hops)
		var best *graph.Hop
		for j, h := range hops {
			if allowed.Has(h.Edge.Type) && (best == nil || graph.Preferred(h.Edge, best.Edge)) {
				best = &hops[j]
			}
		}
		if best == nil {
			return nil, fmt.Errorf("path %s-%s: edge vanished during the query", walk[i], walk[i+1])
		}
		p = append(p, *best)
	}
	return p, nil
}

// numbers returns the stored numbers of the nodes at keys, in their order.
func (s *Store) numbers(ctx context.Context, keys []string) ([]int64, error) {
	st, err := s.prepared(ctx, `SELECT key, n FROM nodes WHERE key IN (SELECT value FROM json_each(?))`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, jsonList(keys))
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	byKey := make(map[string]int64, len(keys))
	for rows.Next() {
		var key string
		var n int64
		if err := rows.Scan(&key, &n); err != nil {
			return nil, err
		}
		byKey[key] = n
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	out := make([]int64, len(keys))
	for i, k := range keys {
		n, ok := byKey[k]
		if !ok {
			return nil, fmt.Errorf("path through %s: node vanished during the query", k)
		}
		out[i] = n
	}
	return out, nil
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
	a, err := s.savedAdjacency(ctx)
	if err != nil {
		return nil, err
	}
	if a == nil {
		if a, err = loadAdjacency(ctx, s.db); err != nil {
			return nil, err
		}
	}
	s.adj = &adjacency{Adjacency: a, version: version, wrote: s.wrote}
	return s.adj, nil
}

// savedAdjacency is the adjacency Index saved, or nil when there is none
// (a write since, or a file from before it was saved).
func (s *Store) savedAdjacency(ctx context.Context) (*graph.Adjacency, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM adjacency WHERE id = 1`).Scan(&data)
	switch {
	case errors.Is(err, sql.ErrNoRows) || (err != nil && strings.Contains(err.Error(), "no such table")):
		return nil, nil
	case err != nil:
		return nil, translate(err)
	}
	a := &graph.Adjacency{}
	if a.UnmarshalBinary(data) != nil {
		return nil, nil // read the edges instead
	}
	return a, nil
}

var _ graph.Indexer = (*Store)(nil)

// Index saves the adjacency of the edges as they stand, in one write
// transaction, so that no write slips in between reading and saving. A
// saved adjacency is up to date (every write removes it), so there is then
// nothing to do.
func (s *Store) Index(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var saved int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM adjacency`).Scan(&saved); err != nil || saved > 0 {
			return err
		}
		a, err := loadAdjacency(ctx, tx)
		if err != nil {
			return err
		}
		data, err := a.MarshalBinary()
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO adjacency(id, data) VALUES (1, ?)`, data)
		if err != nil {
			return fmt.Errorf("save adjacency: %w", err)
		}
		return nil
	})
}

func typeNames(ts graph.TypeSet) []string {
	var out []string
	for _, t := range ts.Types() {
		out = append(out, string(t))
	}
	return out
}

// loadAdjacency reads every distinct pair of nodes a cited edge joins,
// with the edge's type. Edges name their nodes by number, so the keys of
// the nodes they join are read first.
func loadAdjacency(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (*graph.Adjacency, error) {
	keys := map[int64]string{}
	rows, err := db.QueryContext(ctx, `SELECT n, key FROM nodes WHERE label != ?`, string(schema.Readout))
	if err != nil {
		return nil, translate(err)
	}
	for rows.Next() {
		var n int64
		var key string
		if err := rows.Scan(&n, &key); err != nil {
			rows.Close()
			return nil, err
		}
		keys[n] = key
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	if rows, err = db.QueryContext(ctx, `SELECT src, dst, type FROM edges`); err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	b := graph.NewAdjacencyBuilder()
	for rows.Next() {
		var from, to int64
		var typ string
		if err := rows.Scan(&from, &to, &typ); err != nil {
			return nil, err
		}
		a, okA := keys[from]
		c, okC := keys[to]
		if okA && okC { // an edge joins two actors or topics, never a readout
			b.Add(a, c, schema.RelType(typ))
		}
	}
	return b.Build(), translate(rows.Err())
}
