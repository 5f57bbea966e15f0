package neo4j

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Node returns one node by key.
func (s *Store) Node(ctx context.Context, key string) (graph.Node, error) {
	res, err := s.read(ctx, query("node"), map[string]any{"key": key})
	if err != nil {
		return graph.Node{}, err
	}
	for _, row := range res.Rows {
		if n, ok := row[0].(dbtype.Node); ok {
			return toNode(n), nil
		}
	}
	return graph.Node{}, fmt.Errorf("%s: %w", key, graph.ErrNotFound)
}

// FindNodes searches non-readout nodes by id or name, shortest names first.
func (s *Store) FindNodes(ctx context.Context, text string, limit int) ([]graph.Node, error) {
	if limit == 0 {
		return nil, nil
	}
	if limit < 0 {
		limit = math.MaxInt32 // as SQL's LIMIT -1: no limit
	}
	res, err := s.read(ctx, query("find"), map[string]any{"text": text, "limit": limit})
	if err != nil {
		return nil, err
	}
	var out []graph.Node
	for _, row := range res.Rows {
		if n, ok := row[0].(dbtype.Node); ok {
			out = append(out, toNode(n))
		}
	}
	return out, nil
}

// matchKeys is a subquery binding n to each node of the keys, one index
// lookup per label, with the ids as parameters. It is "" when no key names
// a label of the schema.
func matchKeys(keys []string, params map[string]any) string {
	byLabel := map[schema.Label][]string{}
	for _, k := range keys {
		if l, id, ok := schema.SplitKey(k); ok {
			byLabel[l] = append(byLabel[l], id)
		}
	}
	var parts []string
	for _, l := range schema.Labels {
		if ids := byLabel[l]; len(ids) > 0 {
			params["ids"+string(l)] = ids
			parts = append(parts, fmt.Sprintf("MATCH (n:%[1]s) WHERE n.%[2]s IN $ids%[1]s RETURN n", l, schema.PropID))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "CALL () { " + strings.Join(parts, " UNION ") + " } "
}

// Nodes returns the nodes of the keys that exist, in key order.
func (s *Store) Nodes(ctx context.Context, keys []string) ([]graph.Node, error) {
	params := map[string]any{}
	match := matchKeys(keys, params)
	out := []graph.Node{}
	if match == "" {
		return out, nil
	}
	res, err := s.read(ctx, match+"RETURN n", params)
	if err != nil {
		return nil, err
	}
	for _, row := range res.Rows {
		if n, ok := row[0].(dbtype.Node); ok {
			out = append(out, toNode(n))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out, nil
}

// Facts returns the cited relationships a query selects: from the nodes
// of q.At when it names any, else through each type's readout index.
func (s *Store) Facts(ctx context.Context, q graph.FactQuery) ([]graph.Hop, error) {
	types := graph.TypesOf(q.Types)
	var cited []schema.RelType
	for _, t := range types.Types() {
		if schema.Cited(t) {
			cited = append(cited, t)
		}
	}
	if len(cited) == 0 {
		return []graph.Hop{}, nil
	}
	params := map[string]any{"readout": nil}
	if q.Readout != "" {
		params["readout"] = q.Readout
	}
	var cypher string
	switch {
	case q.At != nil:
		match := matchKeys(q.At, params)
		if match == "" {
			return []graph.Hop{}, nil
		}
		cypher = match + fmt.Sprintf("MATCH (n)-[r:%s]-(o) WHERE $readout IS NULL OR r.%s = $readout RETURN n, r, o",
			typeList(cited), schema.PropReadout)
	case q.Readout != "":
		var parts []string
		for _, t := range cited {
			parts = append(parts, fmt.Sprintf("MATCH (n)-[r:%[1]s]->(o) USING INDEX r:%[1]s(%[2]s) WHERE r.%[2]s = $readout RETURN n, r, o", t, schema.PropReadout))
		}
		cypher = "CALL () { " + strings.Join(parts, " UNION ALL ") + " } RETURN n, r, o"
	default:
		cypher = fmt.Sprintf("MATCH (n)-[r:%s]->(o) RETURN n, r, o", typeList(cited))
	}
	res, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	at := map[string]bool{}
	for _, k := range q.At {
		at[k] = true
	}
	seen := map[string]bool{}
	out := []graph.Hop{}
	for _, row := range res.Rows {
		a, aok := row[0].(dbtype.Node)
		r, rok := row[1].(dbtype.Relationship)
		b, bok := row[2].(dbtype.Node)
		if !aok || !rok || !bok || seen[r.ElementId] {
			continue
		}
		seen[r.ElementId] = true
		e := toEdge(r, a, b)
		from, to := toNode(a), toNode(b)
		if from.Key() != e.From {
			from, to = to, from
		}
		if q.At != nil && !at[from.Key()] && at[to.Key()] {
			from, to = to, from
		}
		out = append(out, graph.Hop{From: from, Edge: e, To: to})
	}
	graph.SortHops(out)
	return out, nil
}

// Stats counts nodes of the schema's labels and relationships of its
// types. Neo4j cannot hold a relationship without both ends, so none is
// ever dangling.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st := graph.Stats{Nodes: map[schema.Label]int{}, Edges: map[schema.RelType]int{}}
	res, err := s.read(ctx, query("stats"), nil)
	if err != nil {
		return st, err
	}
	for _, row := range res.Rows {
		kind, name := str(row[0]), str(row[1])
		n, _ := row[2].(int64)
		switch {
		case kind == "nodes" && slices.Contains(schema.Labels, schema.Label(name)):
			st.Nodes[schema.Label(name)] = int(n)
		case kind == "relationships" && slices.Contains(schema.RelTypes, schema.RelType(name)):
			st.Edges[schema.RelType(name)] = int(n)
		}
	}
	if st.Years, err = s.years(ctx); err != nil {
		return st, err
	}
	return st, nil
}

// years counts cited relationships by the year of their date, else of
// their readout's date.
func (s *Store) years(ctx context.Context) (map[string]int, error) {
	q := fmt.Sprintf("MATCH ()-[r:%[1]s]->() OPTIONAL MATCH (d:%[2]s {%[3]s: r.%[4]s}) "+
		"RETURN substring(coalesce(r.%[5]s, d.%[5]s, ''), 0, 4) AS year, count(*)",
		typeList(citedTypes()), schema.Readout, schema.PropID, schema.PropReadout, schema.PropDate)
	res, err := s.read(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, row := range res.Rows {
		n, _ := row[1].(int64)
		out[str(row[0])] = int(n)
	}
	return out, nil
}
