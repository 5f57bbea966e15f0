package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// set writes a one-readout set in the NAME.gold.json-beside layout.
func set(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "Secretary Blinken's Call with Foreign Minister Kuleba\n\nSecretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. They discussed grain exports.\n",
		"a.gold.json": `{"date": null, "states": ["US", "UA"],
		  "officials": [{"name": "Antony Blinken", "state": "US", "title": "Secretary of State"},
		                {"name": "Dmytro Kuleba", "state": "UA", "title": "Foreign Minister"}],
		  "forums": [], "met_with": [["Antony Blinken", "Dmytro Kuleba"]], "member_of": [],
		  "discussed": ["grain exports"], "committed_to": []}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	dir := set(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // in stdout, or in stderr when the code is not 0
	}{
		{"table", []string{dir}, exitOK, []string{"category", "states", "committed_to", "micro-F1 core=", "1 annotated readouts"}},
		{"score.py lines", []string{"-format", "score", dir}, exitOK, []string{"states       P=", "discussed    soft-recall=", "member_of    tight P=", "micro-F1 core="}},
		{"misses", []string{"-misses", dir}, exitOK, []string{"file\tcategory\tkind\titem\tevidence\tnear\n"}},
		{"no directory", nil, exitUsage, []string{"usage: evaluate"}},
		{"bad format", []string{"-format", "csv", dir}, exitUsage, []string{`-format "csv"`}},
		{"no gold", []string{t.TempDir()}, exitFail, []string{"no gold annotations"}},
		{"missing", []string{filepath.Join(dir, "nowhere")}, exitFail, []string{"nowhere"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			out := stdout.String()
			if code != exitOK {
				out = stderr.String()
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
