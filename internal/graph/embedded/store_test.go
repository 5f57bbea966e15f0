package embedded_test

import (
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
)

func newStore(t *testing.T) graph.Store {
	t.Helper()
	s, err := embedded.Open(filepath.Join(t.TempDir(), "graph.db"), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { graphtest.Run(t, "embedded", newStore) }
