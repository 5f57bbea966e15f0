package ingest

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft limit LimitMemory gives the Go heap of an
// ingest. What a run keeps grows with the corpus only by its duplicate
// memory (about 45 bytes an input) and the nodes the store remembers; what
// grew more was the garbage the collector let pile up, twice the live
// heap by default, so that every byte kept showed twice in the peak. Near
// the limit the collector runs sooner instead; below it, nothing changes:
// a run of 100,000 readouts peaks near 120 MB of heap, well below, and a
// run of a million, whose live heap passes 100 MB, is held near the
// limit.
const MemoryLimit = 192 << 20

// LimitMemory sets MemoryLimit as the process's soft memory limit, unless
// GOMEMLIMIT sets one. Commands call it; a library should not.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
