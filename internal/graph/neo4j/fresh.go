package neo4j

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/schema"
)

// writeFresh writes merged readouts that the graph neither holds nor cites
// yet: none of their edges can be stored already, so each is created
// without the look-up that writeFacts makes per row. Nodes are upserted a
// label at a time and answer with their element ids; edges are then
// created a relationship type at a time between those ids, so that a
// statement needs no subquery per shape and finds each end by id rather
// than through a label's index. Rows travel as lists, smaller to encode
// and decode than maps that repeat the same keys.
func writeFresh(ctx context.Context, run runner, m plan, batchSize int) error {
	ids, err := upsertNodes(ctx, run, m.nodes, batchSize)
	if err != nil {
		return err
	}
	byType := map[schema.RelType]*startGroups{}
	for _, g := range m.edges {
		for _, r := range g.rows {
			a, b := ids[schema.Key(g.from, r.from)], ids[schema.Key(g.to, r.to)]
			if a == "" || b == "" {
				return fmt.Errorf("edge %s %s-%s: an end is not a node of its readout", g.rel, r.from, r.to)
			}
			if byType[g.rel] == nil {
				byType[g.rel] = &startGroups{at: map[string]int{}}
			}
			byType[g.rel].add(a, []any{b, r.readout, optional(r.date), optional(r.evidence), r.props})
		}
	}
	for _, t := range schema.RelTypes {
		if byType[t] == nil {
			continue
		}
		q := fmt.Sprintf("UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row[0] UNWIND row[1] AS e "+
			"MATCH (b) WHERE elementId(b) = e[0] CREATE (a)-[r:%s {%s: e[1], %s: e[2], %s: e[3]}]->(b) "+
			"FOREACH (_ IN CASE WHEN size(keys(e[4])) > 0 THEN [1] ELSE [] END | SET r += e[4]) RETURN count(*)",
			t, schema.PropReadout, schema.PropDate, schema.PropEvidence)
		for _, chunk := range byType[t].chunks(batchSize) {
			res, err := run(ctx, q, map[string]any{"rows": chunk.rows})
			if err != nil {
				return err
			}
			if n, _ := res.Rows[0][0].(int64); int(n) != chunk.edges {
				return fmt.Errorf("%d of %d %s edges found no end", chunk.edges-int(n), chunk.edges, t)
			}
		}
	}
	return nil
}

// upsertNodes merges the nodes a label at a time and returns their element
// ids by node key.
func upsertNodes(ctx context.Context, run runner, groups []nodeGroup, batchSize int) (map[string]string, error) {
	ids := map[string]string{}
	for _, g := range groups {
		rows := make([]any, len(g.rows))
		for i, r := range g.rows {
			rows[i] = []any{r.id, r.name, r.props}
		}
		q := fmt.Sprintf("UNWIND $rows AS row MERGE (n:%s {%s: row[0]}) SET n.%s = row[1], n += row[2] "+
			"RETURN row[0], elementId(n)", g.label, schema.PropID, schema.PropName)
		err := inChunks(rows, batchSize, func(chunk []any) error {
			res, err := run(ctx, q, map[string]any{"rows": chunk})
			if err != nil {
				return err
			}
			for _, r := range res.Rows {
				ids[schema.Key(g.label, r[0].(string))] = r[1].(string)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// startGroups are the edges of one type grouped by their start node, so
// that a statement finds each start once however many edges leave it.
type startGroups struct {
	starts []string
	ends   [][]any
	at     map[string]int
}

func (g *startGroups) add(start string, end []any) {
	i, ok := g.at[start]
	if !ok {
		i = len(g.starts)
		g.at[start] = i
		g.starts = append(g.starts, start)
		g.ends = append(g.ends, nil)
	}
	g.ends[i] = append(g.ends[i], end)
}

type edgeChunk struct {
	rows  []any // [start, [end row, ...]]
	edges int
}

// chunks splits the groups into statements of at most size edges.
func (g *startGroups) chunks(size int) []edgeChunk {
	var out []edgeChunk
	cur := edgeChunk{}
	for i, start := range g.starts {
		for ends := g.ends[i]; len(ends) > 0; {
			n := min(len(ends), size-cur.edges)
			cur.rows = append(cur.rows, []any{start, ends[:n]})
			cur.edges += n
			ends = ends[n:]
			if cur.edges == size {
				out = append(out, cur)
				cur = edgeChunk{}
			}
		}
	}
	if cur.edges > 0 {
		out = append(out, cur)
	}
	return out
}

// inChunks calls fn with successive slices of at most size rows.
func inChunks(rows []any, size int, fn func([]any) error) error {
	for start := 0; start < len(rows); start += size {
		if err := fn(rows[start:min(start+size, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}
