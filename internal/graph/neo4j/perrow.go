package neo4j

import (
	"context"

	"github.com/diplograph/diplograph/internal/graph"
)

// writePerRow is the naive writer the benchmark compares batching with:
// the same statements, but one row each, every one its own auto-commit
// transaction (Options.PerRow). It is not atomic.
func (s *Store) writePerRow(ctx context.Context, p plan) (graph.WriteStatus, error) {
	sess := s.session(ctx, true)
	defer sess.Close(ctx)
	run := func(ctx context.Context, cypher string, params map[string]any) (*result, error) {
		res, err := sess.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		out := &result{}
		for _, r := range recs {
			out.Keys = r.Keys
			out.Rows = append(out.Rows, r.Values)
		}
		return out, nil
	}
	return s.apply(ctx, run, p, 1, true)
}
