package extract

import (
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// mentionKind says what a span of a sentence refers to.
type mentionKind uint8

const (
	mState    mentionKind = iota + 1 // a state: id is its code
	mForum                           // a forum: id is its id
	mTitle                           // a title of office: title indexes lexicon.Titles
	mOfficial                        // a person: off is who
	mGroup                           // "both sides", "they": the meeting's participants
	mRole                            // a title without a name ("the Secretary"): title indexes lexicon.Titles
	mSelf                            // "I" in a minister's own release: the readout's author
)

// mention is a span of tokens [start, end) that refers to something.
type mention struct {
	kind       mentionKind
	start, end int
	id         string
	title      int       // for mTitle
	off        *official // for mOfficial and a resolved mRole
	people     []int     // for a gazetteer person match: candidate lexicon.Officials indexes
	state      string    // for mRole: the state the role is qualified by ("the Japanese Foreign Minister")
}

// topicMention is a taxonomy topic (or an unknown phrase) found in a sentence.
type topicMention struct {
	start, end int
	id, name   string
}

// findMentions runs the gazetteers over one sentence's tokens: the
// states, forums, titles, known people, group phrases ("both sides") and
// "I" it mentions, in token order, and the taxonomy topics it names
// outside those names, in token order. It reads nothing but the lexicon.
func findMentions(lx *lexicon.Lexicon, toks []text.Token) ([]mention, []topicMention) {
	return appendMentions(nil, lx, toks)
}

// appendMentions is findMentions appending the entity mentions to dst, so
// that every sentence of a readout can keep its mentions in one array. It
// returns the grown dst, whose tail from len(dst) holds this sentence's.
func appendMentions(dst []mention, lx *lexicon.Lexicon, toks []text.Token) ([]mention, []topicMention) {
	ms := dst
	accept := func(start, end int, e lexicon.Entry) bool {
		return acceptEntity(toks[start:end], e)
	}
	for i := 0; i < len(toks); {
		if toks[i].Text == "I" {
			ms = append(ms, mention{kind: mSelf, start: i, end: i + 1})
			i++
			continue
		}
		if g := groupAt(lx, toks, i); g > 0 {
			ms = append(ms, mention{kind: mGroup, start: i, end: i + g})
			i += g
			continue
		}
		vals, n := lx.Entities.LongestAt(toks, i, accept)
		if n == 0 {
			i++
			continue
		}
		if m, ok := entityMention(vals, i, i+n); ok {
			ms = append(ms, m)
		}
		i += n
	}
	named := namedSpans(len(toks), ms[len(dst):])
	var topics []topicMention
	for i := 0; i < len(toks); {
		vals, n := lx.TopicIndex.LongestAt(toks, i, nil)
		if n == 0 || named[i] >= i+n {
			// A topic wholly inside a name is part of the name: the
			// "Security" of the Security Council is no topic, though
			// "ASEAN centrality" is.
			i++
			continue
		}
		t := lx.Topics[vals[0]]
		topics = append(topics, topicMention{start: i, end: i + n, id: t.ID, name: t.Name})
		i += n
	}
	if len(lx.TopicPatterns) > 0 {
		topics = findPatternTopics(lx, toks, topics, named)
	}
	return ms, topics
}

// namedSpans gives, for each of n tokens inside the name of a forum, a
// title or a person, where that name ends (0 for tokens in no name).
func namedSpans(n int, ms []mention) []int {
	named := make([]int, n)
	for _, m := range ms {
		if m.kind == mForum || m.kind == mTitle || m.kind == mOfficial {
			for i := m.start; i < m.end; i++ {
				named[i] = m.end
			}
		}
	}
	return named
}

// acceptEntity vetoes gazetteer matches whose case shows they are ordinary
// words: acronyms must match as written, names must be capitalised.
func acceptEntity(span []text.Token, e lexicon.Entry) bool {
	if e.ExactCase {
		for _, t := range span {
			if t.IsWord() && !t.IsUpper() && utf8.RuneCountInString(t.Text) > 1 {
				return false
			}
		}
		return true
	}
	if e.Kind == lexicon.KindNone {
		return true
	}
	if e.Kind == lexicon.KindTitle {
		// "members of Congress": a title naming its body may open in lower case
		for _, t := range span {
			if t.IsCapitalized() {
				return true
			}
		}
		return false
	}
	first := span[0]
	if first.Norm == "the" && len(span) > 1 {
		first = span[1]
	}
	r, _ := utf8.DecodeRuneInString(first.Text)
	return unicode.IsUpper(r)
}

func entityMention(vals []lexicon.Entry, start, end int) (mention, bool) {
	e := vals[0]
	m := mention{start: start, end: end, id: e.ID}
	switch e.Kind {
	case lexicon.KindState:
		m.kind = mState
	case lexicon.KindForum:
		m.kind = mForum
	case lexicon.KindTitle:
		m.kind = mTitle
		m.title, _ = strconv.Atoi(e.ID)
	case lexicon.KindPerson:
		m.kind = mOfficial
		for _, v := range vals {
			if i, err := strconv.Atoi(v.ID); err == nil {
				m.people = append(m.people, i)
			}
		}
	default:
		return m, false
	}
	return m, true
}

// groupAt returns the length of a group phrase starting at toks[i], or 0.
func groupAt(lx *lexicon.Lexicon, toks []text.Token, i int) int {
	_, n := lx.Words.GroupPhrases.LongestAt(toks, i, nil)
	if n == 1 && toks[i].Norm == "their" {
		return 0 // a possessive names no subject of its own
	}
	if n == 1 && toks[i].Norm == "both" && i+1 < len(toks) && toks[i+1].IsWord() && toks[i+1].Norm != "affirmed" && !isVerbLike(toks[i+1].Norm) {
		return 0 // "both countries", "both the US and Japan"
	}
	return n
}

// isVerbLike is a cheap test for the word after "both" being a verb ("both
// reaffirmed"): readouts put a past-tense or reporting verb there.
func isVerbLike(w string) bool {
	if len(w) > 3 && (w[len(w)-2:] == "ed") {
		return true
	}
	switch w {
	case "agreed", "expressed", "noted", "welcomed", "underscored", "discussed", "sides", "leaders", "ministers":
		return true
	}
	return false
}

// findPatternTopics adds to topics those whose patterns match where no
// synonym matched already, and returns them all in token order.
func findPatternTopics(lx *lexicon.Lexicon, toks []text.Token, topics []topicMention, named []int) []topicMention {
	found := len(topics)
	possible := lx.PossiblePatterns(toks)
	if len(possible) == 0 {
		return topics
	}
	for _, i := range possible {
		p := lx.TopicPatterns[i]
		t := lx.Topics[p.Topic]
		start, end, ok := p.Match(toks, lexicon.PatternWindow)
		if !ok || named[start] >= end || overlapsTopic(topics[:found], start, end) {
			continue
		}
		topics = append(topics, topicMention{start: start, end: end, id: t.ID, name: t.Name})
	}
	sort.Slice(topics, func(i, j int) bool { return topics[i].start < topics[j].start })
	return topics
}

func overlapsTopic(ts []topicMention, start, end int) bool {
	for _, t := range ts {
		if start < t.end && t.start < end {
			return true
		}
	}
	return false
}
