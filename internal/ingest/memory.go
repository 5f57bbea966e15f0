package ingest

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft limit LimitMemory gives the Go heap of an
// ingest. A run's own structures stay near 130 MB however long it is; what
// grew with the corpus was the garbage the collector let pile up, twice
// the live heap by default: a run of a million readouts held 450 MB at
// 320 MiB. Near the limit the collector runs sooner instead; below it,
// nothing changes (a run of 100,000 readouts stays below).
const MemoryLimit = 256 << 20

// LimitMemory sets MemoryLimit as the process's soft memory limit, unless
// GOMEMLIMIT sets one. Commands call it; a library should not.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
