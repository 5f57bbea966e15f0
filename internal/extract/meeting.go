package extract

import (
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// sentenceOfficials lists the distinct officials a sentence names, in order.
func sentenceOfficials(s *sentence, from, to int) []*official {
	var out []*official
	seen := map[*official]bool{}
	for _, m := range s.mentions {
		if m.kind == mOfficial && m.off != nil && m.start >= from && m.start < to && !seen[m.off] {
			seen[m.off] = true
			out = append(out, m.off)
		}
	}
	return out
}

// relateMeeting records a meeting when a sentence with a meeting trigger
// names two or more officials, and makes them the participants.
func (d *doc) relateMeeting(s *sentence, trigs []trigger) []*official {
	offs := meetingOfficials(s)
	if !reportsMeeting(s, trigs) {
		return nil
	}
	if len(offs) < 2 {
		if len(d.order) == 0 && len(d.parties) == 0 {
			d.parties = sentenceStates(s, len(s.toks))
		}
		return nil
	}
	for i := range offs {
		for j := i + 1; j < len(offs); j++ {
			a, b := offs[i], offs[j]
			if a.state != "" && a.state == b.state {
				continue // one delegation: a President and his Foreign Minister do not meet each other abroad
			}
			if a.id > b.id {
				a, b = b, a
			}
			d.addEdge(schema.MetWith, officialKey(a), officialKey(b), s.text, nil)
		}
	}
	d.participants, d.meetingSeen = offs, true
	return offs
}

// reportsMeeting reports whether a sentence naming two or more officials
// says they met: a meeting word, a discussion "with" someone, a host word,
// or two officials as the subject of a discussion ("The Secretary and
// Foreign Minister Fidan discussed ...").
func reportsMeeting(s *sentence, trigs []trigger) bool {
	for _, t := range trigs {
		if t.negated {
			continue
		}
		switch {
		case t.kind == tMeet, hostWords[s.toks[t.at].Norm]:
			return true
		case t.kind == tDiscuss && followedByWith(s.toks, t.end):
			return true
		case t.kind != tMeet && len(sentenceOfficials(s, 0, t.at)) >= 2:
			return true
		}
	}
	return false
}

// meetingOfficials are the officials a meeting sentence names as taking
// part: not those named in a possessive ("President Prabowo's government"),
// unless what they own is the meeting ("EAM's meeting with ...").
func meetingOfficials(s *sentence) []*official {
	var out []*official
	seen := map[*official]bool{}
	for _, m := range s.mentions {
		if m.kind != mOfficial || m.off == nil || seen[m.off] {
			continue
		}
		if m.end < len(s.toks) && s.toks[m.end].Norm == "'s" && !meetingNounAt(s.toks, m.end+1) {
			continue
		}
		if m.start > 0 && s.toks[m.start-1].Norm == "of" {
			continue // "the inauguration of President Trump", "greetings of Prime Minister Modi"
		}
		seen[m.off] = true
		out = append(out, m.off)
	}
	return out
}

func meetingNounAt(toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	vals, n := triggerWords.LongestAt(toks, i, nil)
	return n > 0 && vals[0] == tMeet
}

// followedByWith reports whether "with" follows a trigger closely: "discussed
// regional issues with the Foreign Minister" reports a meeting.
func followedByWith(toks []text.Token, from int) bool {
	for i := from; i < len(toks) && i < from+12; i++ {
		if toks[i].Norm == "with" {
			return true
		}
		if toks[i].Norm == ";" || toks[i].Norm == "." {
			return false
		}
	}
	return false
}
