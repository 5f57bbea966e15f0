package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// hopColumns selects an edge with both its end nodes; scanHop reads it.
const hopColumns = `e.type, a.key, b.key, c.id, e.date, coalesce(v.text, ''), e.props,
	a.label, a.id, a.name, a.props, b.label, b.id, b.name, b.props
	FROM edges e JOIN nodes a ON a.n = e.src JOIN nodes b ON b.n = e.dst JOIN readouts c ON c.n = e.readout
	LEFT JOIN evidence v ON v.readout = e.readout AND v.n = e.ev`

func scanHop(rows *sql.Rows) (graph.Edge, graph.Node, graph.Node, error) {
	var e graph.Edge
	var a, b graph.Node
	var eprops, aprops, bprops, etype, alabel, blabel string
	err := rows.Scan(&etype, &e.From, &e.To, &e.Readout, &e.Date, &e.Evidence, &eprops,
		&alabel, &a.ID, &a.Name, &aprops, &blabel, &b.ID, &b.Name, &bprops)
	e.Type, a.Label, b.Label = schema.RelType(etype), schema.Label(alabel), schema.Label(blabel)
	e.Props, a.Props, b.Props = parseProps(eprops), parseProps(aprops), parseProps(bprops)
	return e, a, b, err
}

func parseProps(s string) map[string]string {
	if s == "" || s == "{}" {
		return nil
	}
	var p map[string]string
	if json.Unmarshal([]byte(s), &p) != nil {
		return nil
	}
	return p
}

// hops runs a query selecting hopColumns and turns each row into a hop
// seen from whichever end is in from.
func (s *Store) hops(ctx context.Context, from map[string]bool, query string, args ...any) ([]graph.Hop, error) {
	st, err := s.prepared(ctx, `SELECT `+hopColumns+` `+query)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []graph.Hop
	for rows.Next() {
		e, a, b, err := scanHop(rows)
		if err != nil {
			return nil, err
		}
		if from != nil && !from[a.Key()] && from[b.Key()] {
			a, b = b, a
		}
		out = append(out, graph.Hop{From: a, Edge: e, To: b})
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	graph.SortHops(out)
	return out, nil
}

// Node returns one node by key.
func (s *Store) Node(ctx context.Context, key string) (graph.Node, error) {
	var n graph.Node
	var label, props string
	err := s.db.QueryRowContext(ctx, `SELECT label, id, name, props FROM nodes WHERE key = ?`, key).Scan(&label, &n.ID, &n.Name, &props)
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("%s: %w", key, graph.ErrNotFound)
	}
	if err != nil {
		return n, translate(err)
	}
	n.Label, n.Props = schema.Label(label), parseProps(props)
	return n, nil
}

// FindNodes searches non-readout nodes by id or name.
func (s *Store) FindNodes(ctx context.Context, text string, limit int) ([]graph.Node, error) {
	want := fold(text)
	rows, err := s.db.QueryContext(ctx, `SELECT label, id, name, props FROM nodes
		WHERE label != 'Readout' AND (instr(`+foldFunction+`(id), ?1) > 0 OR instr(`+foldFunction+`(name), ?1) > 0)
		ORDER BY length(name), key LIMIT ?2`, want, limit)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []graph.Node
	for rows.Next() {
		var n graph.Node
		var label, props string
		if err := rows.Scan(&label, &n.ID, &n.Name, &props); err != nil {
			return nil, err
		}
		n.Label, n.Props = schema.Label(label), parseProps(props)
		out = append(out, n)
	}
	return out, translate(rows.Err())
}

// Nodes returns the nodes of the keys that exist, in key order.
func (s *Store) Nodes(ctx context.Context, keys []string) ([]graph.Node, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT label, id, name, props FROM nodes
		WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key`, jsonList(keys))
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	out := []graph.Node{}
	for rows.Next() {
		var n graph.Node
		var label, props string
		if err := rows.Scan(&label, &n.ID, &n.Name, &props); err != nil {
			return nil, err
		}
		n.Label, n.Props = schema.Label(label), parseProps(props)
		out = append(out, n)
	}
	return out, translate(rows.Err())
}

// Facts returns the cited edges a query selects. The edges table holds
// only cited edges (MENTIONS has a table of its own).
func (s *Store) Facts(ctx context.Context, q graph.FactQuery) ([]graph.Hop, error) {
	var where []string
	var args []any
	if q.At != nil {
		where = append(where, `(e.src IN (SELECT n FROM nodes WHERE key IN (SELECT value FROM json_each(?)))
			OR e.dst IN (SELECT n FROM nodes WHERE key IN (SELECT value FROM json_each(?))))`)
		args = append(args, jsonList(q.At), jsonList(q.At))
	}
	if len(q.Types) > 0 {
		types := make([]string, len(q.Types))
		for i, t := range q.Types {
			types[i] = string(t)
		}
		where = append(where, `e.type IN (SELECT value FROM json_each(?))`)
		args = append(args, jsonList(types))
	}
	if q.Readout != "" {
		where = append(where, `e.readout = (SELECT n FROM readouts WHERE id = ?)`)
		args = append(args, q.Readout)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	var at map[string]bool
	if q.At != nil {
		at = map[string]bool{}
		for _, k := range q.At {
			at[k] = true
		}
	}
	hops, err := s.hops(ctx, at, cond, args...)
	if hops == nil && err == nil {
		hops = []graph.Hop{}
	}
	return hops, err
}

// jsonList renders strings as a JSON array for SQLite's json_each, which
// keeps every value a bound parameter however many there are.
func jsonList(items []string) string {
	if items == nil {
		items = []string{}
	}
	b, _ := json.Marshal(items)
	return string(b)
}

// Stats counts nodes and edges and finds dangling edges.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st := graph.Stats{Nodes: map[schema.Label]int{}, Edges: map[schema.RelType]int{}}
	if err := s.countInto(ctx, `SELECT label, count(*) FROM nodes GROUP BY label`, func(k string, n int) { st.Nodes[schema.Label(k)] = n }); err != nil {
		return st, err
	}
	if err := s.countInto(ctx, `SELECT type, count(*) FROM edges GROUP BY type
		UNION ALL SELECT 'MENTIONS', count(*) FROM mentions`, func(k string, n int) {
		if n > 0 {
			st.Edges[schema.RelType(k)] = n
		}
	}); err != nil {
		return st, err
	}
	years, err := s.edgesByYear(ctx)
	if err != nil {
		return st, err
	}
	st.Years = years
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM edges e WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE n = e.src)
			OR NOT EXISTS (SELECT 1 FROM nodes WHERE n = e.dst)) +
		(SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE n = m.node)
			OR NOT EXISTS (SELECT 1 FROM readouts r WHERE r.n = m.readout AND r.fingerprint IS NOT NULL))`).Scan(&st.Dangling)
	return st, translate(err)
}

// edgesByYear counts the cited edges by the year of their date, or of
// their readout's when they have none. The readout's date is looked up only
// for an undated edge, and the years are counted here rather than grouped
// in SQL, which sorted every edge: a store of a million readouts took
// minutes and gigabytes.
func (s *Store) edgesByYear(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT substr(coalesce(nullif(e.date, ''),
		(SELECT json_extract(r.props, '$.date') FROM readouts c JOIN nodes r ON r.key = 'Readout:' || c.id WHERE c.n = e.readout),
		''), 1, 4) FROM edges e`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	years := map[string]int{}
	for rows.Next() {
		var y string
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		years[y]++
	}
	return years, translate(rows.Err())
}

func (s *Store) countInto(ctx context.Context, q string, put func(string, int)) error {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		put(k, n)
	}
	return translate(rows.Err())
}

var _ graph.Verifier = (*Store)(nil)

// Verify runs SQLite's quick_check over the whole file.
func (s *Store) Verify(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: storage is damaged: %s", s.path, strings.Join(problems, "; "))
	}
	return translate(rows.Err())
}
