package extract_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/readout"
)

// BenchmarkExtract measures extraction on one core over the fixture
// readouts: MB/s from SetBytes, and words/s as a metric of its own.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	files, _ := filepath.Glob("../../fixtures/readouts/*")
	var rs []readout.Readout
	bytes, words := 0, 0
	for _, f := range files {
		r := readFixture(b, f)
		rs = append(rs, r)
		bytes += len(r.Body)
		words += len(strings.Fields(r.Body))
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, r := range rs {
			x.Extract(r)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
