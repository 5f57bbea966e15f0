package extract_test

import (
	"path/filepath"
	"strconv"
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

// BenchmarkExtractOneLongSentence extracts a readout that is one sentence
// of n bytes, made of the words readouts are made of (people, states, acts,
// lists), so that the cost per byte shows whether extraction stays linear
// in its input: ns/byte should not grow with n.
func BenchmarkExtractOneLongSentence(b *testing.B) {
	for _, shape := range []struct {
		name string
		gen  func(int) string
	}{{"acts", longSentence}, {"people", longRollOfNames}} {
		for _, n := range []int{64 << 10, 256 << 10, 1 << 20, 4 << 20} {
			b.Run(shape.name+"/"+strconv.Itoa(n>>10)+"KiB", func(b *testing.B) {
				benchOneSentence(b, shape.gen(n))
			})
		}
	}
}

func benchOneSentence(b *testing.B, sentence string) {
	r, err := readout.Parse("long.txt", []byte("A long readout\n\nParis, 3 May 2022\n\n"+sentence+".\n"))
	if err != nil {
		b.Fatal(err)
	}
	x := newExtractor(b)
	b.SetBytes(int64(len(sentence)))
	b.ResetTimer()
	for b.Loop() {
		x.Extract(r)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sentence)), "ns/byte")
}

// longRollOfNames is a run-on sentence naming thousands of different
// officials, with groups and forums among them: the people stages and
// meeting pairing must not grow with the square of the roll.
func longRollOfNames(n int) string {
	syllables := []string{"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ba"}
	name := func(i int) string {
		s := syllables[i%10] + syllables[(i/10)%10] + syllables[(i/100)%10]
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		switch i % 5 {
		case 0:
			sb.WriteString("Foreign Minister " + name(i) + " " + name(i/7+3) + " of France met")
		case 1:
			sb.WriteString("NATO members and the G7 ,")
		case 2:
			sb.WriteString("they discussed")
		case 3:
			sb.WriteString("as fellow members of the EU , " + name(i*3))
		default:
			sb.WriteString("Secretary of State Antony Blinken")
		}
		sb.WriteByte(' ')
	}
	return sb.String()[:n]
}

// longSentence repeats, without a full stop, phrases of the kinds the
// stages look at, to about n bytes.
func longSentence(n int) string {
	parts := []string{
		"Foreign Minister Penny Wong of Australia", "met", "Secretary of State Antony Blinken", "and", "discussed",
		"trade and investment ,", "reaffirmed their commitment to", "peace and stability in the region ,", "with",
		"the Quad partners", "NATO", "welcomed progress on", "climate change", "and agreed to work together on",
		"the members of the G7 ,", "condemned attacks on shipping ,", "they", "will continue to", "support Ukraine",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(parts[(i*7)%len(parts)])
		sb.WriteByte(' ')
	}
	return sb.String()[:n]
}
