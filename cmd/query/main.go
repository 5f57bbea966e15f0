// Command query answers relationship questions over the knowledge graph:
// paths between entities, neighbours, meetings, commitments, shared topics
// and forum members, printed as a table, JSON or CSV.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
