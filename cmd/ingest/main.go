// Command ingest reads meeting readouts and writes the knowledge graph they
// support to the configured store.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/diplograph/diplograph/internal/ingest"
)

func main() {
	ingest.LimitMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
