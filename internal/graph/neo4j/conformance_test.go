package neo4j

import (
	"testing"

	"github.com/diplograph/diplograph/internal/graph/graphtest"
)

// TestConformance runs the suite every store passes.
func TestConformance(t *testing.T) { graphtest.Run(t, "neo4j", newTestStore) }
