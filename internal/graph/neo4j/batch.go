package neo4j

import (
	"context"
	"errors"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var _ graph.BatchWriter = (*Store)(nil)

// WriteReadouts writes several readouts in one transaction, so that the
// commit is paid once per batch. Neo4j has no savepoints: when one readout
// fails inside the transaction, the whole batch is rolled back and every
// readout is written again in a transaction of its own, so that only the
// failing one is lost, as graph.BatchWriter promises. A server that cannot
// be reached fails the batch.
func (s *Store) WriteReadouts(ctx context.Context, docs []graph.Document) ([]graph.WriteStatus, []error, error) {
	statuses := make([]graph.WriteStatus, len(docs))
	errs := make([]error, len(docs))
	plans := make([]plan, len(docs))
	var good []int
	for i, d := range docs {
		p, err := planDocument(d)
		if err != nil {
			errs[i] = fmt.Errorf("write readout %s: %w", d.Readout.ID, err)
			continue
		}
		plans[i] = p
		good = append(good, i)
	}
	if len(good) == 0 {
		return statuses, errs, nil
	}
	if !s.opts.PerRow {
		err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			run := txRunner(tx)
			if canMerge(plans, good) {
				return s.applyMerged(ctx, run, plans, good, statuses)
			}
			for _, i := range good {
				st, err := s.apply(ctx, run, plans[i], s.opts.BatchSize, false)
				if err != nil {
					return err
				}
				statuses[i] = st
			}
			return nil
		})
		if err == nil {
			return statuses, errs, nil
		}
		if err = s.translate(err); fatal(err) {
			return nil, nil, fmt.Errorf("write %d readouts: %w", len(docs), err)
		}
	}
	for _, i := range good {
		statuses[i], errs[i] = s.WriteReadout(ctx, docs[i])
		if fatal(errs[i]) {
			return nil, nil, errs[i]
		}
	}
	return statuses, errs, nil
}

// fatal reports whether an error stops a whole batch rather than one readout.
func fatal(err error) bool {
	return errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrReadOnly) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// txRunner runs statements in a managed transaction.
func txRunner(tx neo4j.ManagedTransaction) runner {
	return func(ctx context.Context, cypher string, params map[string]any) (*result, error) {
		return collect(ctx, tx, cypher, params)
	}
}

// canMerge reports whether a batch's new readouts may share statements: no
// two of them share an id or an origin (their order would then matter) and
// every plan has only the schema's shapes of edge, so that their groups
// line up.
func canMerge(plans []plan, good []int) bool {
	ids, origins := map[string]bool{}, map[string]bool{}
	for _, i := range good {
		p := plans[i]
		if ids[p.id] || origins[p.origin] || p.origin == "" || len(p.edges) != len(edgeShapes) {
			return false
		}
		ids[p.id], origins[p.origin] = true, true
	}
	return true
}

// applyMerged writes a batch with as few statements as it can: readouts
// the graph does not hold yet are written together, their node rows in one
// UNWIND and their edge rows in another, instead of a round of statements
// each; readouts that replace an earlier version go one by one first. Any
// failure fails the transaction, and WriteReadouts then writes each
// readout alone.
func (s *Store) applyMerged(ctx context.Context, run runner, plans []plan, good []int, statuses []graph.WriteStatus) error {
	versions, err := batchVersions(ctx, run, plans, good)
	if err != nil {
		return err
	}
	var fresh []int
	for _, i := range good {
		old, same := versions[i].old, versions[i].same
		switch {
		case same:
			statuses[i] = graph.Unchanged
		case len(old) == 0:
			fresh = append(fresh, i)
			statuses[i] = graph.Created
		default:
			st, err := s.apply(ctx, run, plans[i], s.opts.BatchSize, false)
			if err != nil {
				return err
			}
			statuses[i] = st
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	return writeFacts(ctx, run, mergePlans(plans, fresh), s.opts.BatchSize, false)
}

// mergePlans joins plans whose groups line up into one.
func mergePlans(plans []plan, which []int) plan {
	m := plan{nodes: make([]nodeGroup, len(plans[which[0]].nodes)), edges: make([]edgeGroup, len(plans[which[0]].edges))}
	for _, i := range which {
		for g, ng := range plans[i].nodes {
			m.nodes[g].label = ng.label
			m.nodes[g].rows = append(m.nodes[g].rows, ng.rows...)
		}
		for g, eg := range plans[i].edges {
			m.edges[g].rel, m.edges[g].from, m.edges[g].to = eg.rel, eg.from, eg.to
			m.edges[g].rows = append(m.edges[g].rows, eg.rows...)
		}
	}
	return m
}

// versions is what the graph holds of a readout: earlier versions to
// replace, or exactly this one already.
type versions struct {
	old  []string
	same bool
}

// batchVersions looks up what the graph holds of every readout of a batch
// in one statement, by id and by origin, as previousVersions does for one.
func batchVersions(ctx context.Context, run runner, plans []plan, good []int) (map[int]versions, error) {
	ps := make([]map[string]any, len(good))
	for k, i := range good {
		ps[k] = map[string]any{"i": i, "id": plans[i].id, "origin": plans[i].origin}
	}
	ret := fmt.Sprintf(" WHERE r.%[1]s IS NOT NULL RETURN r.%[2]s AS id, coalesce(r.%[3]s, '') AS origin, r.%[1]s AS fp",
		propFingerprint, schema.PropID, schema.PropOrigin)
	q := fmt.Sprintf("UNWIND $ps AS p CALL (p) { MATCH (r:%[1]s {%[2]s: p.id})", schema.Readout, schema.PropID) + ret +
		fmt.Sprintf(" UNION MATCH (r:%[1]s {%[2]s: p.origin}) USING INDEX r:%[1]s(%[2]s)", schema.Readout, schema.PropOrigin) + ret +
		" } RETURN p.i AS i, id, origin, fp"
	res, err := run(ctx, q, map[string]any{"ps": ps})
	if err != nil {
		return nil, err
	}
	out := map[int]versions{}
	for _, row := range res.Rows {
		i := int(row[0].(int64))
		id, origin, fp := row[1].(string), row[2].(string), row[3].(string)
		v := out[i]
		if id == plans[i].id && origin == plans[i].origin && fp == plans[i].fingerprint {
			v.same = true
		} else {
			v.old = append(v.old, id)
		}
		out[i] = v
	}
	return out, nil
}
