package neo4j

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// dumpPage is how many nodes, or readouts' relationships, one read of a
// dump fetches: each page is its own bounded transaction, so a dump of any
// size keeps the transaction timeout and a flat memory.
const dumpPage = 2000

// EachNode calls fn for every node, label by label in id order, a page at
// a time.
func (s *Store) EachNode(ctx context.Context, fn func(graph.Node) error) error {
	for _, l := range schema.Labels {
		// The label is the schema's, never input: labels cannot be parameters.
		q := fmt.Sprintf("MATCH (n:%s) WHERE n.%s > $after RETURN n ORDER BY n.%s LIMIT $limit", l, schema.PropID, schema.PropID)
		after := ""
		for {
			res, err := s.read(ctx, q, map[string]any{"after": after, "limit": dumpPage})
			if err != nil {
				return fmt.Errorf("read %s nodes: %w", l, err)
			}
			for _, row := range res.Rows {
				n := toNode(row[0].(dbtype.Node))
				if err := fn(n); err != nil {
					return err
				}
				after = n.ID
			}
			if len(res.Rows) < dumpPage {
				break
			}
		}
	}
	return nil
}

// EachEdge calls fn for every relationship dated within r (an open range
// also takes the undated ones), readout by readout, a page of readouts at
// a time: the relationships are found through their readout property's
// index.
func (s *Store) EachEdge(ctx context.Context, r graph.DateRange, fn func(graph.Edge) error) error {
	open := r.Since == "" && r.Until == ""
	after := ""
	for {
		page, err := s.read(ctx, fmt.Sprintf("MATCH (r:%s) WHERE r.%s > $after RETURN r.%s ORDER BY r.%s LIMIT $limit",
			schema.Readout, schema.PropID, schema.PropID, schema.PropID), map[string]any{"after": after, "limit": dumpPage})
		if err != nil {
			return fmt.Errorf("read readouts: %w", err)
		}
		if len(page.Rows) == 0 {
			return nil
		}
		ids := make([]any, len(page.Rows))
		for i, row := range page.Rows {
			ids[i] = row[0]
		}
		after = str(ids[len(ids)-1])
		for _, t := range schema.RelTypes {
			if err := s.eachEdgeOf(ctx, t, ids, r, open, fn); err != nil {
				return err
			}
		}
		if len(page.Rows) < dumpPage {
			return nil
		}
	}
}

func (s *Store) eachEdgeOf(ctx context.Context, t schema.RelType, ids []any, r graph.DateRange, open bool, fn func(graph.Edge) error) error {
	q := fmt.Sprintf("MATCH (a)-[x:%s]->(b) WHERE x.%s IN $ids AND ($open OR (x.%s IS NOT NULL AND ($since = '' OR x.%s >= $since) "+
		"AND ($until = '' OR x.%s <= $until))) RETURN x, a, b ORDER BY x.%s, a.%s, b.%s",
		t, schema.PropReadout, schema.PropDate, schema.PropDate, schema.PropDate, schema.PropReadout, schema.PropID, schema.PropID)
	res, err := s.read(ctx, q, map[string]any{"ids": ids, "open": open, "since": r.Since, "until": r.Until})
	if err != nil {
		return fmt.Errorf("read %s relationships: %w", t, err)
	}
	for _, row := range res.Rows {
		if err := fn(toEdge(row[0].(dbtype.Relationship), row[1].(dbtype.Node), row[2].(dbtype.Node))); err != nil {
			return err
		}
	}
	return nil
}
