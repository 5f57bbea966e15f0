package embedded

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// EachNode calls fn for every node, in key order, reading them as a
// stream: a whole graph never has to fit in memory.
func (s *Store) EachNode(ctx context.Context, fn func(graph.Node) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT label, id, name, props FROM nodes ORDER BY key`)
	if err != nil {
		return fmt.Errorf("read nodes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n graph.Node
		var label, props string
		if err := rows.Scan(&label, &n.ID, &n.Name, &props); err != nil {
			return fmt.Errorf("read nodes: %w", err)
		}
		n.Label, n.Props = schema.Label(label), parseProps(props)
		if err := fn(n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachEdge calls fn for every edge dated within r (an open range also
// takes the undated ones), in the order their readouts were first cited
// (stored, mostly) and each readout's in the order they were stored, as a
// stream: that is the order of an index, so nothing is sorted. MENTIONS edges,
// which carry no date of their own, come with their readout's date.
func (s *Store) EachEdge(ctx context.Context, r graph.DateRange, fn func(graph.Edge) error) error {
	open := r.Since == "" && r.Until == ""
	rows, err := s.db.QueryContext(ctx, `SELECT e.type, a.key, b.key, c.id, e.date, coalesce(v.text, ''), e.props
		FROM edges e JOIN nodes a ON a.n = e.src JOIN nodes b ON b.n = e.dst JOIN readouts c ON c.n = e.readout
		LEFT JOIN evidence v ON v.readout = e.readout AND v.n = e.ev
		WHERE (? OR (e.date != '' AND (? = '' OR e.date >= ?) AND (? = '' OR e.date <= ?)))
		ORDER BY e.readout, e.rowid`, open, r.Since, r.Since, r.Until, r.Until)
	if err != nil {
		return fmt.Errorf("read edges: %w", err)
	}
	for rows.Next() {
		var e graph.Edge
		var typ, props string
		if err := rows.Scan(&typ, &e.From, &e.To, &e.Readout, &e.Date, &e.Evidence, &props); err != nil {
			rows.Close()
			return fmt.Errorf("read edges: %w", err)
		}
		e.Type, e.Props = schema.RelType(typ), parseProps(props)
		if err := fn(e); err != nil {
			rows.Close()
			return err
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return s.eachMention(ctx, r, open, fn)
}

func (s *Store) eachMention(ctx context.Context, r graph.DateRange, open bool, fn func(graph.Edge) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, b.key, coalesce(json_extract(r.props, '$.date'), '')
		FROM mentions m JOIN readouts c ON c.n = m.readout JOIN nodes b ON b.n = m.node
		LEFT JOIN nodes r ON r.key = 'Readout:' || c.id ORDER BY m.readout, m.node`)
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e := graph.Edge{Type: schema.Mentions}
		if err := rows.Scan(&e.Readout, &e.To, &e.Date); err != nil {
			return fmt.Errorf("read mentions: %w", err)
		}
		if !open && (e.Date == "" || (r.Since != "" && e.Date < r.Since) || (r.Until != "" && e.Date > r.Until)) {
			continue
		}
		e.From = schema.Key(schema.Readout, e.Readout)
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}
