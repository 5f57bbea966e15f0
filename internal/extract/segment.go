package extract

import (
	"strings"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
	"github.com/neurosnap/sentences/english"

	"github.com/diplograph/diplograph/internal/text"
)

// sentence is one sentence of a readout with what the stages found in it.
type sentence struct {
	index    int
	text     string // exactly as in the body: the evidence an edge cites
	toks     []text.Token
	mentions []mention // entity mentions in token order
	topics   []topicMention
	idx      *sentenceIndex // built by the relate stage, once mentions are final
}

// segment splits a body into sentences. Paragraphs are split first, since
// a readout's line breaks always end a sentence (datelines and headings
// carry no full stop), then each paragraph goes to the Punkt model seg.
// The sentences' tokens are appended to buf, which is returned.
func segment(seg *sentences.DefaultSentenceTokenizer, body string, buf []text.Token) ([]*sentence, []text.Token) {
	var out []*sentence
	add := func(t string) {
		start := len(buf)
		buf = text.AppendTokens(buf, t)
		out = append(out, &sentence{index: len(out), text: t, toks: buf[start:len(buf):len(buf)]})
	}
	for _, para := range strings.Split(body, "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if !mayHoldSentences(para) {
			add(para)
			continue
		}
		for _, s := range punktSentences(seg, para) {
			if t := strings.TrimSpace(s); t != "" {
				add(t)
			}
		}
	}
	return out, buf
}

// punktSentences splits a paragraph where the Punkt model seg breaks it,
// as seg.Tokenize does, but hands the model only the words that hold
// sentence punctuation and the word after each (the library's
// period-context mode of its word tokenizer). Every decision Punkt makes
// is about such a word, given the word after it, so the breaks are the
// same (FuzzPunktSentences holds the two to it), and the model no longer
// builds and annotates a token for every word of the paragraph, which was
// a seventh of extraction's time.
func punktSentences(seg *sentences.DefaultSentenceTokenizer, para string) []string {
	toks := seg.WordTokenizer.Tokenize(para, true)
	seg.AnnotateTokens(toks, seg.Annotations...)
	var out []string
	last := 0
	for _, t := range toks {
		if t.SentBreak {
			out = append(out, para[last:t.Position])
			last = t.Position
		}
	}
	if last != len(para) {
		out = append(out, para[last:])
	}
	return out
}

// mayHoldSentences reports whether a paragraph could hold more than one
// sentence: whether a full stop, question or exclamation mark stands
// anywhere but at its end. Headings and one-sentence paragraphs skip the
// sentence model.
func mayHoldSentences(para string) bool {
	body := strings.TrimRight(para, ".!?\"'”’) ")
	return strings.ContainsAny(body, ".!?")
}

// newSegmenter builds the English Punkt tokenizer the way the library's
// english package does, less its extra multi-period annotation pass: that
// pass runs a regular expression on every pair of words and cost a third
// of extraction, while Punkt's trained abbreviations, with the ones added
// here, already keep "U.S." and "Dr." from ending sentences.
func newSegmenter() (*sentences.DefaultSentenceTokenizer, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, abbr := range []string{"sgt", "gov", "no", "brig", "maj", "capt", "cdr", "gen", "sen", "rep", "amb", "hon", "u.s", "u.k", "u.n", "e.u", "h.e", "dr", "mr", "ms", "mrs", "hon", "rt", "st", "jr", "sr", "gen", "adm", "lt", "col", "amb", "p.m", "a.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no"} {
		training.AbbrevTypes.Add(abbr)
	}
	lang := sentences.NewPunctStrings()
	word := english.NewWordTokenizer(lang)
	return &sentences.DefaultSentenceTokenizer{
		Storage:       training,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   sentences.NewAnnotations(training, lang, word),
	}, nil
}
