package neo4j

import (
	"context"
	"errors"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
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
