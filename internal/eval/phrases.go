package eval

import (
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// PhraseProps are the edge properties that carry what was discussed or
// committed to, in the order they are read; the target topic's name comes
// after them.
var PhraseProps = []string{"phrase", "text"}

// edgePhrases is what an edge says was discussed or committed to: its own
// phrase when it carries one, then its topic's name (or key).
func (s *scorer) edgePhrases(e graph.Edge) []string {
	var out []string
	for _, k := range PhraseProps {
		if v := e.Props[k]; v != "" {
			out = append(out, v)
		}
	}
	if n := s.nodes[e.To]; n.Name != "" {
		return append(out, n.Name)
	}
	return append(out, e.To)
}

// item is one distinct predicted thing discussed or committed to: the
// edges whose first phrase is the same, ignoring case.
type item struct {
	phrases  [][]string // each edge's phrases
	evidence string
}

// phrases scores one phrase category. Each distinct predicted item counts
// once, right when any of its phrases tight-matches a phrase of pool (for
// discussed the pool holds the commitments too: a commitment is also
// something discussed). A gold phrase is missed when no predicted phrase
// of the category tight-matches it. Other relationship types, EXPRESSED
// among them, play no part.
func (s *scorer) phrases(edges []graph.Edge, rel schema.RelType, cat string, pool []string) {
	var all []string
	var keys []string
	items := map[string]*item{}
	for _, e := range edges {
		if e.Type != rel {
			continue
		}
		ph := s.edgePhrases(e)
		all = append(all, ph...)
		k := strings.ToLower(ph[0])
		it, ok := items[k]
		if !ok {
			it = &item{evidence: e.Evidence}
			items[k] = it
			keys = append(keys, k)
		}
		it.phrases = append(it.phrases, ph)
	}
	gold := goldPhrases(s.c.Gold, cat)
	sc := s.rep.Scores[cat]
	sc.Phrase = true
	sc.GoldItems += len(gold)
	for _, g := range gold {
		sc.SoftItems++
		if SoftMatch(all, g) {
			sc.SoftHits++
		}
		if !anyTight(all, g) {
			sc.FN++
			s.miss(cat, "missed", g, s.evidenceFor(g), nearest([]string{g}, all))
		}
	}
	for _, k := range keys {
		it := items[k]
		if it.matches(pool) {
			sc.TP++
			continue
		}
		sc.FP++
		s.miss(cat, "spurious", showItem(it.phrases[0]), it.evidence, nearest(it.phrases[0], pool))
	}
	s.rep.Scores[cat] = sc
}

func goldPhrases(g Gold, cat string) []string {
	if cat == "discussed" {
		return g.Discussed
	}
	return g.CommittedTo
}

// matches reports whether any phrase of the item tight-matches the pool.
// (score.py takes one edge per item, whichever its set yields first; when
// edges sharing a phrase point at different topics this takes the best.)
func (it *item) matches(pool []string) bool {
	for _, ph := range it.phrases {
		for _, p := range ph {
			if anyTight(pool, p) {
				return true
			}
		}
	}
	return false
}

func anyTight(phrases []string, g string) bool {
	for _, p := range phrases {
		if TightMatch(p, g) {
			return true
		}
	}
	return false
}

// showItem names a predicted item: its phrase, and its topic when that
// says something else.
func showItem(ph []string) string {
	if len(ph) > 1 && !strings.EqualFold(ph[0], ph[len(ph)-1]) {
		return ph[0] + " [topic " + ph[len(ph)-1] + "]"
	}
	return ph[0]
}

// nearest is the phrase of others sharing the most content words with any
// of phrases, or "" when none shares one.
func nearest(phrases, others []string) string {
	best, bestN := "", 0
	for _, p := range phrases {
		pw := contentWords(p)
		for _, o := range others {
			if n := shared(pw, contentWords(o)); n > bestN {
				best, bestN = o, n
			}
		}
	}
	return best
}

// evidenceFor is the readout sentence sharing the most content words with
// a gold phrase, when it shares at least half of them.
func (s *scorer) evidenceFor(g string) string {
	gw := contentWords(g)
	best, bestN := "", 0
	for _, sent := range s.sents {
		if n := shared(gw, contentWords(sent)); n > bestN {
			best, bestN = sent, n
		}
	}
	if 2*bestN < len(gw) {
		return ""
	}
	return best
}

// sentencesOf splits a readout body into sentences, crudely: at line
// breaks, and at a full stop, question or exclamation mark followed by a
// space, unless it ends an abbreviation. It only picks evidence to show
// beside a missed phrase.
func sentencesOf(body string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		start := 0
		for i := 0; i < len(line); i++ {
			if c := line[i]; (c == '.' || c == '?' || c == '!') && i+1 < len(line) && line[i+1] == ' ' && !abbreviation(line[start:i+1]) {
				if t := strings.TrimSpace(line[start : i+1]); t != "" {
					out = append(out, t)
				}
				start = i + 1
			}
		}
		if t := strings.TrimSpace(line[start:]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// abbreviation reports whether s ends in a short capitalised word with a
// full stop ("Dr.", "U.S.", "S."), which rarely ends a sentence.
func abbreviation(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	return len(w) <= 4 && w[0] >= 'A' && w[0] <= 'Z' && strings.HasSuffix(w, ".")
}
