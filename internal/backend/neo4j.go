package backend

import (
	"context"

	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/neo4j"
)

// openNeo4j connects to the configured Neo4j server. Read-only, a database
// Migrate never ran on is graph.ErrNoGraph and writes are refused.
func openNeo4j(ctx context.Context, cfg config.Config, mode Mode) (graph.Store, error) {
	s, err := neo4j.Open(ctx, neo4j.Options{
		URI:       cfg.Neo4j.URI,
		User:      cfg.Neo4j.User,
		Password:  cfg.Neo4j.Password,
		Database:  cfg.Neo4j.Database,
		BatchSize: cfg.Neo4j.BatchSize,
		ReadOnly:  mode == ReadOnly,

		ConnectTimeout: cfg.Neo4j.Timeout,
		TxTimeout:      cfg.Neo4j.TxTimeout,
	})
	if err != nil {
		return nil, err // not a typed nil inside the interface
	}
	return s, nil
}
