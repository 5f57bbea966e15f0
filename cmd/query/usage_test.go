package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestUsageErrorsExitTwo: a bad flag, a bad flag value or an unknown
// command is a usage error, exit 2 with one line, as for ingest.
func TestUsageErrorsExitTwo(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"path", "US", "Japan", "--max-hops", "abc"},
		{"path", "US", "Japan", "--max-hops=9223372036854775808"},
		{"meetings", "US", "--no-such-flag"},
		{"meetings", "US", "--since"},
		{"--format"},
		{"no-such-question", "US"},
		{"path", "US"},
		{"--bogus", "path", "US", "Japan"},
		{"pth", "US", "Japan"},
		{},
		{"path", "US", "Japan", "--via", "FRIENDS"},
		{"path", "US", "Japan", "--paths", "100"},
		{"timeline", "Japan", "--until", "2024-02-30"},
		{"readout"},
		{"stats", "x"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &stdout, &stderr)
		if code != exitSetup || strings.Count(stderr.String(), "\n") != 1 || !strings.HasPrefix(stderr.String(), "query: ") ||
			!strings.Contains(stderr.String(), "usage: query ") {
			t.Errorf("query %q: exit %d, stderr %q; want exit 2 and one line", args, code, stderr.String())
		}
	}
}
