package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Migrate creates the schema's uniqueness constraints and indexes, and an
// index on the readout property of every relationship type so that
// replacing a readout finds its relationships without a scan. It is
// idempotent, and waits until the indexes are online.
func (s *Store) Migrate(ctx context.Context) error {
	for _, stmt := range append(schemaStatements(), "CALL db.awaitIndexes(300)") {
		if err := s.autoCommit(ctx, stmt, nil); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// schemaStatements are the DDL statements Migrate runs. Every name in them
// comes from the schema package.
func schemaStatements() []string {
	var out []string
	for _, c := range schema.Constraints {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE",
			c.Name, c.Label, c.Property))
	}
	for _, ix := range schema.Indexes {
		out = append(out, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)", ix.Name, ix.Label, ix.Property))
	}
	for _, t := range schema.RelTypes {
		out = append(out, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s)",
			relIndexName(t), t, schema.PropReadout))
	}
	return out
}

func relIndexName(t schema.RelType) string {
	return "rel_" + strings.ToLower(string(t)) + "_" + schema.PropReadout
}

// readoutConstraint names the constraint whose presence says Migrate ran.
func readoutConstraint() string {
	for _, c := range schema.Constraints {
		if c.Label == schema.Readout {
			return c.Name
		}
	}
	return ""
}

// autoCommit runs one statement in its own implicit transaction, as schema
// commands and the per-row writes need.
func (s *Store) autoCommit(parent context.Context, cypher string, params map[string]any) error {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	sess := s.session(ctx, true)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params, bound)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return s.translate(s.timedOut(parent, ctx, s.opts.TxTimeout, err))
}

// write runs fn in one managed write transaction, which the driver retries
// on transient failures. It returns the driver's error untranslated.
//
// A transaction that outlives the transaction timeout ends with one line
// wrapping graph.ErrUnavailable.
func (s *Store) write(parent context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	sess := s.session(ctx, true)
	defer sess.Close(ctx)
	work := func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) }
	var err error
	if s.opts.ReadOnly {
		// A read transaction, so that the server itself refuses the writes.
		_, err = sess.ExecuteRead(ctx, work, bound)
	} else {
		_, err = sess.ExecuteWrite(ctx, work, bound)
	}
	return s.timedOut(parent, ctx, s.opts.TxTimeout, err)
}
