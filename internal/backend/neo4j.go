package backend

import (
	"context"
	"errors"

	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
)

func openNeo4j(ctx context.Context, cfg config.Config, mode Mode) (graph.Store, error) {
	return nil, errors.New("neo4j store: not available in this build")
}
