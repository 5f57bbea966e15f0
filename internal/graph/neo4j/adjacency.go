package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// adjacency is the graph's shape without its properties or its parallel
// edges: which nodes a cited edge joins, each pair once. A corpus cites the
// same two ministers' meeting, or a state's membership of a forum, again
// and again, so this is a small fraction of the relationships, small
// enough to search in memory. It is cached on the Store and read again
// when the database has committed anything since (its bookmark changed).
type adjacency struct {
	*graph.Adjacency
	bookmark string
	elem     map[string]string // node key to element id
}

// adjacency returns the cached adjacency, or reads it again if the
// database has changed since.
func (s *Store) adjacency(ctx context.Context) (*adjacency, error) {
	now, err := s.bookmark(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.adj != nil && now != "" && s.adj.bookmark == now {
		return s.adj, nil
	}
	adj, err := s.loadAdjacency(ctx)
	if err != nil {
		return nil, err
	}
	s.adj = adj
	return adj, nil
}

// bookmark names the last transaction the database committed: a read
// transaction's bookmark changes whenever anything was committed since.
func (s *Store) bookmark(parent context.Context) (string, error) {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	sess := s.session(ctx, false)
	defer sess.Close(ctx)
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "RETURN 1", nil)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	}, bound)
	if err != nil {
		return "", s.translate(s.timedOut(parent, ctx, s.opts.TxTimeout, err))
	}
	return strings.Join(sess.LastBookmarks(), ","), nil
}

// loadAdjacency reads every distinct pair of nodes a cited edge joins.
func (s *Store) loadAdjacency(parent context.Context) (*adjacency, error) {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	labels := make([]string, len(schema.Labels))
	for i, l := range schema.Labels {
		labels[i] = string(l)
	}
	key := func(v string) string {
		return fmt.Sprintf("[l IN labels(%[1]s) WHERE l IN $labels][0] + ':' + %[1]s.%[2]s", v, schema.PropID)
	}
	q := fmt.Sprintf("MATCH (a)-[r:%s]->(b) WITH DISTINCT a, b, type(r) AS t RETURN elementId(a), %s, elementId(b), %s, t",
		typeList(citedTypes()), key("a"), key("b"))
	sess := s.session(ctx, false)
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, q, map[string]any{"labels": labels})
	}, bound)
	if err != nil {
		return nil, s.translate(s.timedOut(parent, ctx, s.opts.TxTimeout, err))
	}
	adj := &adjacency{bookmark: strings.Join(sess.LastBookmarks(), ","), elem: map[string]string{}}
	b := graph.NewAdjacencyBuilder()
	for _, row := range out.(*result).Rows {
		adj.elem[str(row[1])], adj.elem[str(row[3])] = str(row[0]), str(row[2])
		b.Add(str(row[1]), str(row[3]), schema.RelType(str(row[4])))
	}
	adj.Adjacency = b.Build()
	return adj, nil
}
