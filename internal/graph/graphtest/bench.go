package graphtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// Endpoints picks the nodes of the given labels (states and officials when
// none are given) of a graph as the ends of path queries for the path
// benchmarks of every store.
func Endpoints(b *testing.B, r graph.Reader, labels ...schema.Label) []string {
	b.Helper()
	if len(labels) == 0 {
		labels = []schema.Label{schema.State, schema.Official}
	}
	var keys []string
	for _, probe := range []string{"a", "e", "i", "o", "u"} {
		nodes, err := r.FindNodes(context.Background(), probe, 400)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range nodes {
			if slices.Contains(labels, n.Label) {
				keys = append(keys, n.Key())
			}
		}
	}
	sort.Strings(keys)
	keys = slices.Compact(keys)
	if len(keys) < 50 {
		b.Fatalf("only %d endpoints", len(keys))
	}
	return keys
}

// WorldStore is where the scale benchmarks keep the embedded store of n
// world-shaped readouts (gencorpus's default shape, seed 1) they build, in
// the temp directory: BenchmarkScaleIngestEmbedded leaves it there, and
// the path benchmarks open it, or build it when it is missing.
func WorldStore(n int) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("diplograph-bench-world-%d.db", n))
}

// ReportLatency reports the median and 99th percentile of observed
// latencies as p50-ms and p99-ms.
func ReportLatency(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
