package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpectedCountsWhatIngestReads(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"a.txt": "x", "b.md": "x", "README.md": "x", "notes.csv": "x", "sub/c.txt": "x",
		"corpus.jsonl": "{\"id\":\"1\"}\n\n{\"id\":\"2\"}\n   \n{\"id\":\"3\"}",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	if got := expected([]string{dir}); got != 6 {
		t.Errorf("expected(dir) = %d, want 6 (three text files, three records)", got)
	}
	big := filepath.Join(dir, "big.jsonl")
	os.WriteFile(big, []byte(strings.Repeat("{\"id\":\"x\"}\n", 300000)), 0o644)
	if got := expected([]string{big}); got != 300000 {
		t.Errorf("expected(big) = %d, want 300000", got)
	}
	if got := expected([]string{dir, "-"}); got != -1 {
		t.Errorf("with standard input: %d, want -1 (unknown)", got)
	}
}
