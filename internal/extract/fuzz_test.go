package extract_test

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// FuzzExtract runs the whole extractor on arbitrary text. It must not
// panic, and every edge it emits must cite a sentence of its input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"New Delhi, 4 March 2023 (TDI): United States (US) Secretary of State Antony Blinken met the Foreign Minister of Japan, HayashiYoshimasa. They discussed trade.",
		"Secretary Blinken's Call with Foreign Minister Kuleba\n\nThe Secretary did not discuss sanctions.",
		"We, the foreign ministers of the Quad countries (Australia, India, Japan and the United States), met.",
		"", "(((((((", "I I I they both sides", "\u202eMinister\u202c met President", "\x00\x01 met \x7f",
	} {
		f.Add(s)
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, body string) { checkExtraction(t, x, body) })
}

// TestLargeInputs puts the inputs too large to seed the fuzzer with (a
// megabyte line of one repeated clause, brackets ten thousand deep)
// through the fuzzer's checks: small seeds keep fuzzing fast.
func TestLargeInputs(t *testing.T) {
	x := newExtractor(t)
	for name, body := range map[string]string{
		"megabyte line":   "Foreign Minister Hayashi met Secretary Blinken" + strings.Repeat(" and Secretary Blinken", 50000) + ".",
		"nested brackets": strings.Repeat("(", 10000) + "Secretary Blinken met Foreign Minister Hayashi" + strings.Repeat(")", 10000),
	} {
		t.Run(name, func(t *testing.T) { checkExtraction(t, x, body) })
	}
}

// checkExtraction holds one extraction to what any input must give: no
// panic, every edge citing a sentence of the input, and the schema kept.
func checkExtraction(t *testing.T, x *extract.Extractor, body string) {
	r := readout.Readout{ID: readout.ContentID(body), Origin: "fuzz", Body: body, Date: "2024-01-02"}
	for _, e := range x.Extract(r).Edges {
		if e.Type == schema.Mentions {
			continue
		}
		if e.Evidence == "" || !strings.Contains(body, e.Evidence) {
			t.Fatalf("%s %s->%s cites %q, not a sentence of the input", e.Type, e.From, e.To, e.Evidence)
		}
		if !schema.Permits(e.Type, labelOf(e.From), labelOf(e.To)) {
			t.Fatalf("%s from %s to %s breaks the schema", e.Type, e.From, e.To)
		}
	}
}

func labelOf(key string) schema.Label {
	l, _, _ := schema.SplitKey(key)
	return l
}
