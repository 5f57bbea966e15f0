package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// runner is what both a managed transaction and the per-row writer offer:
// run one statement and collect its rows.
type runner func(ctx context.Context, cypher string, params map[string]any) (*result, error)

// WriteReadout stores a readout's facts in one transaction, with the
// embedded store's semantics: an earlier version of the readout (same id,
// or same origin) is removed first, with every node that only it referred
// to; a document whose facts are already stored changes nothing.
func (s *Store) WriteReadout(ctx context.Context, doc graph.Document) (graph.WriteStatus, error) {
	p, err := planDocument(doc)
	if err != nil {
		return 0, fmt.Errorf("write readout %s: %w", doc.Readout.ID, err)
	}
	var status graph.WriteStatus
	if s.opts.PerRow {
		status, err = s.writePerRow(ctx, p)
	} else {
		err = s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			var applyErr error
			status, applyErr = s.apply(ctx, txRunner(tx), p, s.opts.BatchSize, false)
			return applyErr
		})
	}
	if err != nil {
		return 0, fmt.Errorf("write readout %s: %w", doc.Readout.ID, s.translate(err))
	}
	return status, nil
}

// apply runs the statements that write a planned document, batchSize rows
// at a time, or every row on its own.
func (s *Store) apply(ctx context.Context, run runner, p plan, batchSize int, perRow bool) (graph.WriteStatus, error) {
	old, same, err := previousVersions(ctx, run, p)
	if err != nil || same {
		return graph.Unchanged, err
	}
	status := graph.Created
	var touched []string
	if len(old) > 0 {
		status = graph.Replaced
		if touched, err = removeReadouts(ctx, run, old); err != nil {
			return 0, err
		}
	}
	if err := writeFacts(ctx, run, p, batchSize, perRow); err != nil {
		return 0, err
	}
	return status, removeOrphans(ctx, run, touched)
}

// writeFacts writes the nodes, then the edges: batched, batchSize rows per
// statement, each statement with every group's subquery; per row, one
// statement per fact with only its group's subquery.
func writeFacts(ctx context.Context, run runner, p plan, batchSize int, perRow bool) error {
	for _, ph := range []phase{p.nodePhase(), p.edgePhase()} {
		all := make([]int, len(ph.subqueries))
		for i := range all {
			all[i] = i
		}
		for start := 0; start < len(ph.rows); start += batchSize {
			rows := ph.rows[start:min(start+batchSize, len(ph.rows))]
			groups := all
			if perRow {
				groups = []int{rows[0]["g"].(int)}
			}
			res, err := run(ctx, ph.statement(groups), map[string]any{"rows": rows})
			if err != nil {
				return err
			}
			if ph.counts != nil {
				if err := checkCounts(res, groups, rows); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkCounts compares the rows each edge group wrote with the rows it had:
// a row whose end is missing writes nothing.
func checkCounts(res *result, groups []int, rows []map[string]any) error {
	want := map[int]int64{}
	for _, r := range rows {
		want[r["g"].(int)]++
	}
	if len(res.Rows) != 1 || len(res.Rows[0]) != len(groups) {
		return fmt.Errorf("edge write answered %d rows, want one", len(res.Rows))
	}
	for i, g := range groups {
		if n, _ := res.Rows[0][i].(int64); n != want[g] {
			return fmt.Errorf("%d of %d edges cite a node that is neither in the document nor in the store", want[g]-n, want[g])
		}
	}
	return nil
}

// previousVersions finds the stored readouts the document replaces (same id,
// or same origin when it names one), and whether exactly this document is
// stored already. A readout node without a fingerprint is not registered
// (see removeReadouts).
func previousVersions(ctx context.Context, run runner, p plan) ([]string, bool, error) {
	ret := fmt.Sprintf(" WITH r WHERE r.%s IS NOT NULL RETURN r.%s AS id, coalesce(r.%s, '') AS origin, r.%s AS fp",
		propFingerprint, schema.PropID, schema.PropOrigin, propFingerprint)
	q := fmt.Sprintf("MATCH (r:%s {%s: $id})", schema.Readout, schema.PropID) + ret +
		fmt.Sprintf(" UNION MATCH (r:%[1]s {%[2]s: $origin}) USING INDEX r:%[1]s(%[2]s)", schema.Readout, schema.PropOrigin) + ret
	res, err := run(ctx, q, map[string]any{"id": p.id, "origin": originParam(p.origin)})
	if err != nil {
		return nil, false, err
	}
	var old []string
	for _, row := range res.Rows {
		id, origin, fp := row[0].(string), row[1].(string), row[2].(string)
		if id == p.id && origin == p.origin && fp == p.fingerprint {
			return nil, true, nil
		}
		old = append(old, id)
	}
	return old, false, nil
}

// removeReadouts deletes every relationship citing the readouts and
// unregisters them (removes their fingerprint), returning the element ids
// of the nodes those relationships joined and of the readout nodes. A
// readout node is deleted with the other orphans unless the new version
// has the same id, in which case it is upserted like any other node.
func removeReadouts(ctx context.Context, run runner, ids []string) ([]string, error) {
	// One subquery per type, each through its readout index.
	var b strings.Builder
	var cols []string
	for i, t := range schema.RelTypes {
		fmt.Fprintf(&b, "CALL () { MATCH (a)-[r:%[1]s]->(b) USING INDEX r:%[1]s(%[2]s) WHERE r.%[2]s IN $ids DELETE r "+
			"RETURN collect(elementId(a)) + collect(elementId(b)) AS t%[3]d } ", t, schema.PropReadout, i)
		cols = append(cols, fmt.Sprintf("t%d", i))
	}
	rels := b.String() + "UNWIND " + strings.Join(cols, " + ") + " AS e RETURN DISTINCT e"
	nodes := fmt.Sprintf("MATCH (r:%s) WHERE r.%s IN $ids REMOVE r.%s RETURN elementId(r)",
		schema.Readout, schema.PropID, propFingerprint)
	var touched []string
	for _, q := range []string{rels, nodes} {
		res, err := run(ctx, q, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		for _, row := range res.Rows {
			touched = append(touched, row[0].(string))
		}
	}
	return touched, nil
}

// removeOrphans deletes nodes among the touched ones that nothing refers to
// any more: no relationship, and for a readout, no registration.
func removeOrphans(ctx context.Context, run runner, touched []string) error {
	if len(touched) == 0 {
		return nil
	}
	q := fmt.Sprintf("UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid "+
		"AND NOT EXISTS { (n)--() } AND (NOT n:%s OR n.%s IS NULL) DELETE n",
		schema.Readout, propFingerprint)
	_, err := run(ctx, q, map[string]any{"ids": touched})
	return err
}

// typeList renders relationship types as a Cypher type disjunction.
func typeList(types []schema.RelType) string {
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = string(t)
	}
	return strings.Join(parts, "|")
}

// labelList renders labels as a Cypher label disjunction.
func labelList(labels []schema.Label) string {
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = string(l)
	}
	return strings.Join(parts, "|")
}

// originParam is a readout's origin as a query parameter: none, when it
// names none, so that equality matches no readout rather than every
// readout stored with an empty origin.
func originParam(origin string) any {
	if origin == "" {
		return nil
	}
	return origin
}
