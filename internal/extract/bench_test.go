package extract_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/readout"
)

// BenchmarkExtract measures extraction on one core: MB/s from SetBytes,
// and words/s as a metric of its own, over the fixture readouts and over
// generated ones.
func BenchmarkExtract(b *testing.B) {
	b.Run("fixtures", func(b *testing.B) {
		files, _ := filepath.Glob("../../fixtures/readouts/*")
		var rs []readout.Readout
		for _, f := range files {
			rs = append(rs, readFixture(b, f))
		}
		benchExtract(b, rs)
	})
	b.Run("generated", func(b *testing.B) {
		g, err := corpus.New(1)
		if err != nil {
			b.Fatal(err)
		}
		rs := make([]readout.Readout, 500)
		for i := range rs {
			rs[i] = g.Next()
		}
		benchExtract(b, rs)
	})
}

func benchExtract(b *testing.B, rs []readout.Readout) {
	x := newExtractor(b)
	bytes, words := 0, 0
	for _, r := range rs {
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
