package neo4j

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	plans, errs := planAll(docs)
	var good []int
	for i, d := range docs {
		if errs[i] != nil {
			errs[i] = fmt.Errorf("write readout %s: %w", d.Readout.ID, errs[i])
			continue
		}
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

// planAll plans the documents on every core: planning is the client's
// share of a batch, and the server waits while it runs.
func planAll(docs []graph.Document) ([]plan, []error) {
	plans := make([]plan, len(docs))
	errs := make([]error, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(docs); i = int(next.Add(1)) - 1 {
				plans[i], errs[i] = planDocument(docs[i])
			}
		})
	}
	wg.Wait()
	return plans, errs
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
// the graph neither holds nor cites yet are written together by writeFresh,
// instead of a round of statements each; the others (new versions of a
// stored readout, or readouts whose edges cite something else) go one by
// one first. Any failure fails the transaction, and WriteReadouts then
// writes each readout alone.
func (s *Store) applyMerged(ctx context.Context, run runner, plans []plan, good []int, statuses []graph.WriteStatus) error {
	versions, err := batchVersions(ctx, run, plans, good)
	if err != nil {
		return err
	}
	var fresh, alone []int
	for _, i := range good {
		v := versions[i]
		switch {
		case v.same:
			statuses[i] = graph.Unchanged
		case len(v.old) == 0 && !v.cited && plans[i].selfContained:
			fresh = append(fresh, i)
			statuses[i] = graph.Created
		default:
			st, err := s.apply(ctx, run, plans[i], s.opts.BatchSize, false)
			if err != nil {
				return err
			}
			alone = append(alone, i)
			statuses[i] = st
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	if err := writeFresh(ctx, run, mergePlans(plans, fresh), s.opts.BatchSize); err != nil {
		return err
	}
	return restoreOrder(ctx, run, plans, alone, fresh, s.opts.BatchSize)
}

// restoreOrder sets again, folded in input order, the nodes that readouts
// written alone and merged readouts both name. Those written alone went
// first, so without this a merged readout's name or property would win
// even over a readout that came after it in the batch.
func restoreOrder(ctx context.Context, run runner, plans []plan, alone, fresh []int, batchSize int) error {
	if len(alone) == 0 {
		return nil
	}
	named := func(which []int) map[string]bool {
		keys := map[string]bool{}
		for _, i := range which {
			for _, g := range plans[i].nodes {
				for _, r := range g.rows {
					keys[schema.Key(g.label, r.id)] = true
				}
			}
		}
		return keys
	}
	byAlone, byFresh := named(alone), named(fresh)
	written := append(slices.Clone(alone), fresh...)
	slices.Sort(written)
	m := mergePlans(plans, written)
	shared := false
	for g := range m.nodes {
		m.nodes[g].rows = slices.DeleteFunc(m.nodes[g].rows, func(r *nodeRow) bool {
			k := schema.Key(m.nodes[g].label, r.id)
			return !byAlone[k] || !byFresh[k]
		})
		shared = shared || len(m.nodes[g].rows) > 0
	}
	if !shared {
		return nil
	}
	_, err := upsertNodes(ctx, run, m.nodes, batchSize)
	return err
}

// mergePlans joins plans whose groups line up into one, folding a node
// that several of them write into one row as writing them in order would
// leave it.
func mergePlans(plans []plan, which []int) plan {
	m := plan{nodes: make([]nodeGroup, len(plans[which[0]].nodes)), edges: make([]edgeGroup, len(plans[which[0]].edges))}
	folded := map[string]*nodeRow{}
	for _, i := range which {
		for g, ng := range plans[i].nodes {
			m.nodes[g].label = ng.label
			for _, r := range ng.rows {
				key := schema.Key(ng.label, r.id)
				f := folded[key]
				if f == nil {
					f = &nodeRow{id: r.id, props: make(map[string]any, len(r.props))}
					folded[key] = f
					m.nodes[g].rows = append(m.nodes[g].rows, f)
				}
				f.name = r.name
				for k, v := range r.props {
					f.props[k] = v
				}
			}
		}
		for g, eg := range plans[i].edges {
			m.edges[g].rel, m.edges[g].from, m.edges[g].to = eg.rel, eg.from, eg.to
			m.edges[g].rows = append(m.edges[g].rows, eg.rows...)
		}
	}
	return m
}

// versions is what the graph holds of a readout: earlier versions to
// replace, or exactly this one already; and whether any relationship cites
// its id.
type versions struct {
	old   []string
	same  bool
	cited bool
}

// batchVersions looks up what the graph holds of every readout of a batch
// in two statements: its earlier versions, by id and by origin as
// previousVersions does for one readout, and whether relationships already
// cite its id, through the readout indexes.
func batchVersions(ctx context.Context, run runner, plans []plan, good []int) (map[int]versions, error) {
	ps := make([]map[string]any, len(good))
	byID := map[string]int{}
	for k, i := range good {
		ps[k] = map[string]any{"i": i, "id": plans[i].id, "origin": originParam(plans[i].origin)}
		byID[plans[i].id] = i
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
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	if res, err = run(ctx, citedQuery, map[string]any{"ids": ids}); err != nil {
		return nil, err
	}
	for _, row := range res.Rows {
		i := byID[row[0].(string)]
		v := out[i]
		v.cited = true
		out[i] = v
	}
	return out, nil
}

// citedQuery returns those of $ids that some relationship cites. Each
// relationship type is looked up through its readout index in a MATCH of
// its own: inside an EXISTS subquery the server sometimes ignored the
// index hint after the graph's statistics changed, and scanned every
// relationship for every id (ten seconds for one batch instead of ten
// milliseconds).
var citedQuery = func() string {
	var branches []string
	for _, t := range schema.RelTypes {
		branches = append(branches, fmt.Sprintf("MATCH ()-[x:%[1]s]->() USING INDEX x:%[1]s(%[2]s) WHERE x.%[2]s = id RETURN 1 AS hit LIMIT 1",
			t, schema.PropReadout))
	}
	return "UNWIND $ids AS id CALL (id) { " + strings.Join(branches, " UNION ") + " } RETURN DISTINCT id"
}()
