package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/ingest"
)

func fixtureDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	s, err := embedded.Open(db, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Options{Paths: []string{"../../fixtures/readouts"}, Store: s}, ingest.Discard); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func TestExportCommand(t *testing.T) {
	db := fixtureDB(t)
	t.Chdir(t.TempDir()) // no config.yaml of the repository's
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"--db", db, "--format", "events", "--events-as", "jsonl", "--since", "2024"}, &out, &errs); code != 0 {
		t.Fatalf("events: exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), `"cameo":"041"`) {
		t.Errorf("no call among the 2024 events:\n%.500s", out.String())
	}
	dir := filepath.Join(t.TempDir(), "import")
	errs.Reset()
	if code := run(context.Background(), []string{"--db", db, "--format", "csv", "--out", dir}, &out, &errs); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, errs.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "nodes_State.csv")); err != nil || !strings.Contains(errs.String(), "neo4j-admin database import full") {
		t.Errorf("csv: %v; told %q", err, errs.String())
	}
	gml := filepath.Join(t.TempDir(), "g.graphml")
	if code := run(context.Background(), []string{"--db", db, "--format", "graphml", "--out", gml}, &out, &errs); code != 0 {
		t.Fatalf("graphml: exit %d", code)
	}
	if b, err := os.ReadFile(gml); err != nil || !bytes.Contains(b, []byte("<graphml")) {
		t.Errorf("graphml file: %v", err)
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"--format", "xml"}, {"--format", "csv"}, {"--format", "events", "--since", "March"}, {"--bogus"}, {"--format", "graphml", "extra"}} {
		var out, errs bytes.Buffer
		if code := run(context.Background(), args, &out, &errs); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		lines := strings.Split(strings.TrimSpace(errs.String()), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[1], "usage: export") {
			t.Errorf("%q: %q, want one line and the usage", args, errs.String())
		}
	}
}
