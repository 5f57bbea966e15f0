package extract

import (
	"slices"
	"sort"

	"github.com/diplograph/diplograph/internal/lexicon"
)

// sentenceIndex finds a sentence's mentions and speech acts by token in
// constant time. The relate stage asks, token by token along every object,
// what starts or ends there; scanning the mentions each time made a single
// long sentence cost the square of its length.
type sentenceIndex struct {
	startAt []int32 // token -> index in mentions of the mention starting there, or -1
	endAt   []int32 // token -> index of the mention whose last token it is, or -1
	cover   []int32 // token -> index of the mention covering it, or -1
	trigAt  []int32 // token -> index in trigs of the act starting there, or -1
	// firstSpeaker is the first token at which a speaker stands (a person,
	// group, state or forum, a pronoun, or a noun for the participants);
	// firstWord is the sentence's first word.
	firstSpeaker, firstWord int
	// firstPronoun is the first "he" or "she".
	firstPronoun int
}

// buildIndex builds the lookups for a sentence whose mentions and acts are
// final, in lookups, which holds 4*(len(s.toks)+1) entries of -1.
func (s *sentence) buildIndex(lx *lexicon.Lexicon, trigs []trigger, lookups []int32) {
	n := len(s.toks)
	ix := &sentenceIndex{
		startAt: lookups[: n+1 : n+1], endAt: lookups[n+1 : 2*(n+1) : 2*(n+1)],
		cover: lookups[2*(n+1) : 3*(n+1) : 3*(n+1)], trigAt: lookups[3*(n+1):],
		firstSpeaker: n, firstWord: n, firstPronoun: n}
	for k, m := range s.mentions {
		ix.startAt[m.start] = int32(k)
		ix.endAt[m.end-1] = int32(k)
		for i := m.start; i < m.end; i++ {
			ix.cover[i] = int32(k)
		}
		switch m.kind {
		case mOfficial, mRole, mGroup, mSelf, mState, mForum:
			ix.firstSpeaker = min(ix.firstSpeaker, m.start)
		}
	}
	for k, t := range trigs {
		ix.trigAt[t.at] = int32(k)
	}
	for i, t := range s.toks {
		if ix.firstWord == n && t.IsWord() {
			ix.firstWord = i
		}
		if t.Norm == "he" || t.Norm == "she" {
			ix.firstPronoun = min(ix.firstPronoun, i)
			ix.firstSpeaker = min(ix.firstSpeaker, i)
		}
		if lx.Words.SpeakerNouns[t.Norm] {
			ix.firstSpeaker = min(ix.firstSpeaker, i)
		}
	}
	s.idx = ix
}

// indexLookups is the array buildIndex needs for a sentence of n tokens,
// cut from the scratch of d's extraction.
func (d *doc) indexLookups(n int) []int32 {
	size := 4 * (n + 1)
	start := len(d.sc.lookups)
	d.sc.lookups = filled(d.sc.lookups, size)
	return d.sc.lookups[start:len(d.sc.lookups):len(d.sc.lookups)]
}

// filled appends n entries of -1 to dst.
func filled(dst []int32, n int) []int32 {
	dst = slices.Grow(dst, n)
	for range n {
		dst = append(dst, -1)
	}
	return dst
}

// mentionStarting returns the mention that starts at token i, or at i+1
// after "the".
func (s *sentence) mentionStarting(i int) (mention, bool) {
	if i < 0 || i >= len(s.toks) {
		return mention{}, false
	}
	if k := s.idx.startAt[i]; k >= 0 {
		return s.mentions[k], true
	}
	if s.toks[i].Norm == "the" {
		if k := s.idx.startAt[i+1]; k >= 0 {
			return s.mentions[k], true
		}
	}
	return mention{}, false
}

// mentionEnding returns the mention whose last token is i.
func (s *sentence) mentionEnding(i int) (mention, bool) {
	if i < 0 || i >= len(s.toks) || s.idx.endAt[i] < 0 {
		return mention{}, false
	}
	return s.mentions[s.idx.endAt[i]], true
}

// mentionsBefore is the number of mentions that start before token at.
func (s *sentence) mentionsBefore(at int) int {
	return sort.Search(len(s.mentions), func(k int) bool { return s.mentions[k].start >= at })
}
