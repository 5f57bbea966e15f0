// Package backend builds the configured graph store: the one place that
// knows every backend and chooses between them.
package backend

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
)

// Mode says what the caller will do with the store.
type Mode int

// Modes.
const (
	ReadWrite Mode = iota // ingest
	ReadOnly              // query: a missing graph is an error, nothing is created
)

// Open builds the store the configuration names.
func Open(ctx context.Context, cfg config.Config, mode Mode) (graph.Store, error) {
	switch cfg.Store {
	case config.StoreEmbedded:
		return embedded.Open(cfg.DB, embedded.Options{ReadOnly: mode == ReadOnly})
	case config.StoreNeo4j:
		return openNeo4j(ctx, cfg, mode)
	default:
		return nil, fmt.Errorf("%w: unknown store %q", config.ErrInvalid, cfg.Store)
	}
}
