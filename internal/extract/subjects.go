package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// speakerContext is what the readout established before a sentence that
// reading its speakers falls back on.
type speakerContext struct {
	named        []*official // the officials the readout names, in order of first mention
	participants []*official // those of the meeting being reported (all named, before one is)
	parties      []string    // the states a meeting sentence named when no official was
	first        *sentence   // the readout's first sentence
}

// speakerContext is the document's context for reading speakers.
func (d *doc) speakerContext() speakerContext {
	c := speakerContext{named: d.order, participants: d.currentParticipants(), parties: d.parties}
	if len(d.sentences) > 0 {
		c.first = d.sentences[0]
	}
	return c
}

// subjects are the node keys the act at token at speaks for: the speakers
// named just before it ("the Secretary reaffirmed" is the Secretary alone;
// "both sides", "they" and a joint statement's "we" are the participants),
// else the meeting's participants, else, in a readout naming no official,
// the states before the act or those of its first sentence.
func subjects(lx *lexicon.Lexicon, s *sentence, at int, meeting []*official, c speakerContext) []string {
	if keys, ok := speakersBefore(lx, s, at, meeting, c); ok {
		return keys
	}
	if pronounBefore(s, at) && len(c.named) > 0 {
		return officialKeys(c.named[:1]) // "She reiterated ...": the readout's own minister
	}
	if len(meeting) > 0 {
		return officialKeys(meeting)
	}
	if p := c.participants; len(p) > 0 {
		return officialKeys(p)
	}
	if len(c.parties) > 0 {
		return stateKeys(c.parties)
	}
	if states := statesNear(s, at); len(states) > 0 {
		return stateKeys(states)
	}
	for _, m := range s.mentions {
		if m.kind == mForum && m.start < at {
			return []string{schema.Key(schema.Forum, m.id)} // "The members of the Security Council condemned ..."
		}
	}
	if c.first != nil {
		return stateKeys(sentenceStates(c.first, len(c.first.toks)))
	}
	return nil
}

// speakerReach is how far before an act its speaker may stand, in tokens:
// a clause, not a whole run-on sentence.
const speakerReach = 80

// speakersBefore reads the speakers that stand before the act at token at
// in its clause: the nearest person, role, group or state not governed by a
// preposition nor a possessive, with those joined to it by "and".
func speakersBefore(lx *lexicon.Lexicon, s *sentence, at int, meeting []*official, c speakerContext) ([]string, bool) {
	end := s.mentionsBefore(at)
	for end > 0 && s.mentions[end-1].start >= at-speakerReach {
		last := end - 1
		if !isSpeakerKind(s.mentions[last]) {
			end--
			continue
		}
		first := last
		for first > 0 && isSpeakerKind(s.mentions[first-1]) && joinsSpeakers(s.toks[s.mentions[first-1].end:s.mentions[first].start]) {
			first--
		}
		chain := s.mentions[first : last+1]
		end = first
		// A chain governed by a preposition or owned ("with Defense
		// Ministers from Canada, France and Germany", "Italy's") is an
		// object: the speaker stands before it.
		if !isSpeaker(lx, s, chain[0]) || !isSpeaker(lx, s, chain[len(chain)-1]) {
			continue
		}
		return chainKeys(chain, meeting, c)
	}
	return nil, false
}

// chainKeys are the node keys of a chain of speakers.
func chainKeys(chain []mention, meeting []*official, c speakerContext) ([]string, bool) {
	var offs []*official
	var states []string
	for _, m := range chain {
		switch m.kind {
		case mGroup:
			if len(meeting) > 0 {
				return officialKeys(meeting), true
			}
			if p := c.participants; len(p) > 0 {
				return officialKeys(p), true
			}
			if len(c.parties) > 0 {
				return stateKeys(c.parties), true
			}
			return nil, false
		case mOfficial, mSelf:
			if m.off != nil {
				offs = append(offs, m.off)
			}
		case mState:
			states = append(states, m.id)
		}
	}
	if len(offs) > 1 && len(meeting) > 1 && allIn(offs, meeting) {
		return officialKeys(meeting), true
	}
	if len(offs) > 0 {
		return officialKeys(offs), true
	}
	if len(states) > 0 {
		return stateKeys(states), true
	}
	return nil, false
}

func isSpeakerKind(m mention) bool {
	switch m.kind {
	case mOfficial:
		return m.off != nil
	case mGroup, mState, mSelf:
		return true
	}
	return false
}

// isSpeaker reports a mention that may speak: not one governed by a
// preposition, a possessive, or part of a hyphened compound.
func isSpeaker(lx *lexicon.Lexicon, s *sentence, m mention) bool {
	if !isSpeakerKind(m) {
		return false
	}
	if m.start > 0 && lx.Words.Prepositions[s.toks[m.start-1].Norm] {
		return false
	}
	if m.start > 1 && s.toks[m.start-1].Norm == "the" && lx.Words.Prepositions[s.toks[m.start-2].Norm] {
		return false
	}
	if m.end < len(s.toks) && (s.toks[m.end].Norm == "'s" || s.toks[m.end].Norm == "-") {
		return false
	}
	if m.start > 0 && s.toks[m.start-1].Norm == "-" {
		return false // "the U.S.-Australia alliance": part of a name
	}
	return true
}

// joinsSpeakers reports whether the tokens between two mentions join them
// as one subject: "and", a comma, "the".
func joinsSpeakers(gap []text.Token) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return len(gap) == 0
	}
	for _, t := range gap {
		if t.Norm != "and" && t.Norm != "," && t.Norm != "the" && t.Norm != "as" && t.Norm != "well" {
			return false
		}
	}
	return true
}

func allIn(offs, pool []*official) bool {
	for _, o := range offs {
		found := false
		for _, p := range pool {
			found = found || p == o
		}
		if !found {
			return false
		}
	}
	return true
}

// statesNear lists the distinct states named within a speaker's reach
// before token at.
func statesNear(s *sentence, at int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range s.mentions[s.mentionsBefore(at-speakerReach):s.mentionsBefore(at)] {
		if m.kind == mState && !seen[m.id] {
			seen[m.id] = true
			out = append(out, m.id)
		}
	}
	return out
}

// sentenceStates lists the distinct states named before token at.
func sentenceStates(s *sentence, at int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range s.mentions {
		if m.start >= at {
			break
		}
		if m.kind == mState && !seen[m.id] {
			seen[m.id] = true
			out = append(out, m.id)
		}
	}
	return out
}

func stateKeys(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = schema.Key(schema.State, c)
	}
	return out
}

// officialKey is the node key of o, made once: an official's id does not
// change once given (addOfficial), and every edge from it needs the key.
func officialKey(o *official) string {
	if o.id == "" {
		return schema.Key(schema.Official, "")
	}
	if o.key == "" {
		o.key = schema.Key(schema.Official, o.id)
	}
	return o.key
}

func officialKeys(offs []*official) []string {
	out := make([]string, len(offs))
	for i, o := range offs {
		out[i] = officialKey(o)
	}
	return out
}

// pronounBefore reports "he" or "she" before token at: in a readout, the
// one it is about, whom it names first.
func pronounBefore(s *sentence, at int) bool {
	if s.idx != nil {
		return s.idx.firstPronoun < at
	}
	for _, t := range s.toks[:at] {
		if t.Norm == "he" || t.Norm == "she" {
			return true
		}
	}
	return false
}
