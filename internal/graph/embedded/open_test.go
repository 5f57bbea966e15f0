package embedded_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/internal/graph/embedded"
)

// TestOpenTogether opens and migrates one new file from several stores at
// once, as two ingests started together do: each waits its turn, none fails.
func TestOpenTogether(t *testing.T) {
	for round := 0; round < 20; round++ {
		path := filepath.Join(t.TempDir(), "graph.db")
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := embedded.Open(path, embedded.Options{})
				if err != nil {
					errs[i] = err
					return
				}
				defer s.Close()
				if err := s.Migrate(context.Background()); err != nil {
					errs[i] = fmt.Errorf("migrate: %w", err)
				}
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, store %d: %v", round, i, err)
			}
		}
	}
}
