package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestEveryCommandHasHelpWithAnExample: `query COMMAND --help` shows an
// example for every command.
func TestEveryCommandHasHelpWithAnExample(t *testing.T) {
	for _, name := range []string{"path", "neighbors", "meetings", "commitments", "topics", "topic", "members",
		"timeline", "readout", "stats", "check", "list", "run", "cypher"} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{name, "--help"}, &stdout, &stderr); code != exitOK {
			t.Errorf("%s --help: exit %d, %s", name, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "Examples:\n  query ") {
			t.Errorf("%s --help has no example:\n%s", name, stdout.String())
		}
	}
}
