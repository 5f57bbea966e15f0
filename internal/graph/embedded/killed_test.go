package embedded

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
)

// TestReadOnlyOpenOfAFileJustCreated: an ingest killed between creating
// the file and switching it to WAL leaves an empty file (or one in
// rollback mode). A query then finds no graph; it must not fail trying to
// switch the journal of a file it opened read-only.
func TestReadOnlyOpenOfAFileJustCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, graph.ErrNoGraph) {
		t.Fatalf("read-only open of an empty file: %v, want %v", err, graph.ErrNoGraph)
	}
}
