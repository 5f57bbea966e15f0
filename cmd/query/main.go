// Command query answers relationship questions over the knowledge graph:
// paths between entities, neighbours, meetings, commitments, shared topics
// and forum members, printed as a table, JSON or CSV.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// collectLate holds the garbage collector back until the heap reaches
// 256 MiB, unless GOGC or GOMEMLIMIT say otherwise. A question is a short
// process, and collecting while it decodes the saved adjacency was a third
// of what `query path` took on a store of 100,000 readouts (66-76 ms
// against 46-50 ms); a question that needs more memory is collected as
// usual once it reaches the limit.
func collectLate() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(256 << 20)
	}
}

func main() {
	collectLate()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
