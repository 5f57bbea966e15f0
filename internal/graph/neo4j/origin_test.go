package neo4j

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/ingest"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestOneFileByManyPathsIsOneReadout ingests one file named four ways (as
// typed, with ./, absolute, through a link), then the same again from
// elsewhere: Neo4j holds one readout, stored under the file's real path,
// and the second run changes nothing.
func TestOneFileByManyPathsIsOneReadout(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	dir := t.TempDir()
	file := filepath.Join(dir, "one.txt")
	os.WriteFile(file, []byte("Foreign Minister A met Foreign Minister B in Tokyo."), 0o644)
	link := filepath.Join(t.TempDir(), "link.txt")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	run := func(paths ...string) ingest.Summary {
		sum, err := ingest.Run(ctx, ingest.Options{Paths: paths, Store: s}, ingest.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	t.Chdir(dir)
	first := run("one.txt", "./one.txt", file, link)
	t.Chdir(t.TempDir())
	second := run(link)
	if first.Created != 1 || first.Duplicates != 3 || second.Unchanged != 1 || second.Created+second.Replaced != 0 {
		t.Errorf("first %+v, second %+v", first, second)
	}
	real, _ := filepath.EvalSymlinks(file)
	res, err := s.read(ctx, "MATCH (r:"+string(schema.Readout)+") RETURN r."+schema.PropOrigin, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] != real {
		t.Errorf("stored origins %v, want only %s", res.Rows, real)
	}
}
