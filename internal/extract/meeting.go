package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
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
	offs := meetingOfficials(d.x.lx, s)
	if !reportsMeeting(s, trigs) || aboutOtherMeeting(s) {
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
		case t.kind == tMeet, t.meets:
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
func meetingOfficials(lx *lexicon.Lexicon, s *sentence) []*official {
	var out []*official
	seen := map[*official]bool{}
	for _, m := range s.mentions {
		if m.kind != mOfficial || m.off == nil || seen[m.off] {
			continue
		}
		if m.end < len(s.toks) && s.toks[m.end].Norm == "'s" && !meetingNounAt(lx, s.toks, m.end+1) {
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

func meetingNounAt(lx *lexicon.Lexicon, toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	vals, n := lx.ActIndex.LongestAt(toks, i, nil)
	return n > 0 && lx.Acts[vals[0]].Relation == string(schema.MetWith)
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

// otherMeetingCues, standing before the people a sentence names, show that
// it tells of another meeting than the one reported: an earlier one this
// meeting "builds on", a planned or upcoming one.
var otherMeetingCues = map[string]bool{
	"builds": true, "build": true, "built": true, "previous": true, "earlier": true, "upcoming": true,
	"next": true, "forthcoming": true, "future": true, "planned": true, "invited": true, "invitation": true,
	"will": true, "would": true, "forward": true, "anniversary": true, "former": true, "since": true,
}

// aboutOtherMeeting reports whether a sentence's meeting is not the one the
// readout reports: a cue of another time stands before its first official.
func aboutOtherMeeting(s *sentence) bool {
	first := len(s.toks)
	for _, m := range s.mentions {
		if m.kind == mOfficial || m.kind == mRole {
			first = m.start
			break
		}
	}
	for _, t := range s.toks[:first] {
		if otherMeetingCues[t.Norm] {
			return true
		}
	}
	return false
}
