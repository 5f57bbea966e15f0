package eval

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The matching rules here are the reference scorer's (score.py beside the
// real readouts), rule for rule, so that both give the same figures.

// tokens folds s to ASCII (compatibility decomposition, then every
// non-ASCII rune dropped, so "Błaszczak" becomes "baszczak"), lower-cases
// it and returns its runs of letters and digits.
func tokens(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		}
	}
	return strings.FieldsFunc(strings.ToLower(b.String()), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
}

// honorifics are ignored when names are compared, as are regnal numbers
// and one-letter initials.
var honorifics = setOf("ii iii iv jr sr mr mrs ms dr h e his her excellency king queen prince sheikh")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// nameTokens are the tokens of a name that identify the person.
func nameTokens(name string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokens(name) {
		if !honorifics[t] && len(t) > 1 {
			out[t] = true
		}
	}
	return out
}

// SamePerson reports whether a predicted name names the gold person:
// one name's tokens contain the other's, in any order ("Jaishankar" and
// "Subrahmanyam Jaishankar"; "HAYASHI Yoshimasa" and "Yoshimasa Hayashi"),
// and they share a token of three or more letters.
func SamePerson(pred, gold string) bool {
	p, g := nameTokens(pred), nameTokens(gold)
	if len(p) == 0 || len(g) == 0 {
		return false
	}
	if !subset(p, g) && !subset(g, p) {
		return false
	}
	for t := range p {
		if g[t] && len(t) >= 3 {
			return true
		}
	}
	return false
}

func subset(a, b map[string]bool) bool {
	for t := range a {
		if !b[t] {
			return false
		}
	}
	return true
}

// stopWords carry no content when phrases are compared.
var stopWords = setOf("the of and to in on for with a an its their all other as well including related issues issue")

// contentWords are a phrase's words of three or more letters that are not
// stop words, each cut to its first six letters so that "cooperation" and
// "cooperate" agree.
func contentWords(phrase string) map[string]bool {
	out := map[string]bool{}
	for _, w := range tokens(phrase) {
		if stopWords[w] || len(w) <= 2 {
			continue
		}
		if len(w) > 6 {
			w = w[:6]
		}
		out[w] = true
	}
	return out
}

func shared(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// TightMatch reports whether two phrases say the same thing: the content
// words they share are at least half of the longer phrase's. It is
// symmetric, so neither a long gold span nor a long predicted one wins by
// length alone.
func TightMatch(p, g string) bool {
	pw, gw := contentWords(p), contentWords(g)
	if len(pw) == 0 || len(gw) == 0 {
		return false
	}
	return 2*shared(pw, gw) >= max(len(pw), len(gw))
}

// SoftMatch reports whether some predicted phrase covers at least half of
// the gold phrase's content words, however long the prediction.
func SoftMatch(preds []string, gold string) bool {
	g := contentWords(gold)
	if len(g) == 0 {
		return false
	}
	for _, p := range preds {
		pw := contentWords(p)
		if len(pw) > 0 && 2*shared(pw, g) >= len(g) {
			return true
		}
	}
	return false
}
