package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/text"
)

// sentence is one sentence of a readout with what the stages found in it.
type sentence struct {
	index    int
	text     string // exactly as in the body: the evidence an edge cites
	toks     []text.Token
	mentions []mention // entity mentions in token order
	topics   []topicMention
}

// segment splits a body into sentences. Paragraphs are split first, since
// a readout's line breaks always end a sentence (datelines and headings
// carry no full stop), then each paragraph goes to the Punkt model.
func (x *Extractor) segment(body string) []*sentence {
	var out []*sentence
	for _, para := range strings.Split(body, "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if !mayHoldSentences(para) {
			out = append(out, &sentence{index: len(out), text: para, toks: text.Tokenize(para)})
			continue
		}
		for _, s := range x.seg.Tokenize(para) {
			t := strings.TrimSpace(s.Text)
			if t == "" {
				continue
			}
			out = append(out, &sentence{index: len(out), text: t, toks: text.Tokenize(t)})
		}
	}
	return out
}

// mayHoldSentences reports whether a paragraph could hold more than one
// sentence: whether a full stop, question or exclamation mark stands
// anywhere but at its end. Headings and one-sentence paragraphs skip the
// sentence model, which is most of extraction's cost.
func mayHoldSentences(para string) bool {
	body := strings.TrimRight(para, ".!?\"'”’) ")
	return strings.ContainsAny(body, ".!?")
}
