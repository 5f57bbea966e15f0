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
	if !reportsMeeting(s, trigs) || aboutOtherMeeting(d.x.lx, s) || plannedMeeting(s, trigs) {
		return nil
	}
	if len(offs) == 0 && groupMeets(d.x.lx, s, trigs) {
		offs = d.signatories(s.index) // "The defence ministers ... met via videoconference"
	}
	if len(offs) == 1 && pronounSubject(s, offs[0]) {
		if he := d.pronounReferent(); he != nil && he != offs[0] {
			offs = []*official{he, offs[0]} // "In a separate call, he spoke with ..."
		}
	}
	if len(offs) > maxParticipants {
		return nil // a roll of names, not one meeting: pairing them would cost the square of the list
	}
	if len(offs) < 2 {
		if len(d.order) == 0 && len(d.parties) == 0 {
			d.parties = sentenceStates(s, len(s.toks))
		}
		return nil
	}
	side := meetingSides(s, offs, trigs)
	props := d.meetingProps(trigs)
	for i := range offs {
		for j := i + 1; j < len(offs); j++ {
			a, b := offs[i], offs[j]
			if a.state != "" && a.state == b.state {
				continue // one delegation: a President and his Foreign Minister do not meet each other abroad
			}
			if a.delegation != 0 && a.delegation == b.delegation {
				continue // listed as one group: they came together
			}
			if side[a] != 0 && side[a] == side[b] {
				continue // "talks with the Prime Minister and the President": both hosts, met by the guest
			}
			if a.id > b.id {
				a, b = b, a
			}
			d.addEdge(schema.MetWith, officialKey(a), officialKey(b), s.text, props)
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
		if m.start > 1 && s.toks[m.start-1].Norm == "of" && !meetingNounAt(lx, s.toks, m.start-2) {
			continue // "the inauguration of President Trump"; but "a phone call of Foreign Minister Maas"
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

// aboutOtherMeeting reports whether a sentence's meeting is not the one the
// readout reports: a cue of another time stands before its first official.
func aboutOtherMeeting(lx *lexicon.Lexicon, s *sentence) bool {
	first := len(s.toks)
	for _, m := range s.mentions {
		if m.kind == mOfficial || m.kind == mRole {
			first = m.start
			break
		}
	}
	for _, t := range s.toks[:first] {
		if lx.Words.OtherMeetingCues[t.Norm] {
			return true
		}
	}
	return false
}

// maxParticipants bounds the people one meeting sentence pairs: a summit
// of all its members' leaders is about the largest meeting a readout
// reports.
const maxParticipants = 60

// plannedMeeting reports a meeting that is yet to happen: "will meet",
// "will join the Deputy Prime Minister's meetings", "plans to visit".
func plannedMeeting(s *sentence, trigs []trigger) bool {
	for _, t := range trigs {
		if t.kind != tMeet && !t.meets {
			continue
		}
		for j := t.at - 1; j >= 0 && j >= t.at-7; j-- {
			switch s.toks[j].Norm {
			case "will", "would", "shall", "plans", "planned", "intends", "expects":
				return true
			case ".", ";":
				return false
			}
		}
		return false
	}
	return false
}

// groupMeets reports a meeting whose subject is a group the readout named
// before: "The defence ministers ... met via videoconference".
func groupMeets(lx *lexicon.Lexicon, s *sentence, trigs []trigger) bool {
	for _, t := range trigs {
		if t.kind != tMeet || t.negated || !lx.Words.MeetingVerbs[s.toks[t.at].Norm] {
			continue
		}
		for _, m := range s.mentions {
			if m.kind == mGroup && m.start < t.at {
				return true
			}
		}
		return false
	}
	return false
}

// signatories are the officials a joint statement named before its
// meeting, less its spokespeople.
func (d *doc) signatories(before int) []*official {
	var out []*official
	for _, o := range d.order {
		if o.office != "spokesperson" && o.first < before {
			out = append(out, o)
		}
	}
	return out
}

// meetingSides marks the officials named after "with" or "to" as one side
// of a meeting whose other side the sentence does not name, so that two
// hosts visited in turn are not said to have met each other. A trilateral,
// or a meeting whose every side is named, has no sides: everyone met.
func meetingSides(s *sentence, offs []*official, trigs []trigger) map[*official]int {
	side := map[*official]int{}
	for _, t := range trigs {
		if t.kind == tMeet && (s.toks[t.at].Norm == "trilateral" || s.toks[t.at].Norm == "joint") {
			return side
		}
	}
	split, with := -1, false
	for _, t := range trigs {
		if t.kind == tMeet || t.meets {
			split = t.end
			j := split
			if j < len(s.toks) && isAdverb(s.toks[j].Norm) {
				j++ // "spoke separately with"
			}
			if j < len(s.toks) && (s.toks[j].Norm == "with" || s.toks[j].Norm == "to" || s.toks[j].Norm == "by") {
				with = true
			}
			break
		}
	}
	separate := false
	for _, t := range s.toks {
		separate = separate || t.Norm == "separately" || t.Norm == "separate" || t.Norm == "respectively"
	}
	if split < 0 {
		return side
	}
	before, after := 0, 0
	for _, m := range s.mentions {
		if m.kind != mOfficial || m.off == nil || side[m.off] != 0 {
			continue
		}
		if m.start < split {
			side[m.off] = 1
			before++
		} else {
			side[m.off] = 2
			after++
		}
	}
	if separate && with && after > 1 {
		return side // "spoke separately with A and B": two calls
	}
	if after == 0 || before > 0 || !with {
		// "A and B met", "A met with B and C": everyone met everyone. Only
		// when the one who came is unnamed ("the Secretary General arrived
		// for talks with A and B") are those named all on one side.
		return map[*official]int{}
	}
	return side
}

// meetingProps are the act and CAMEO code of a sentence's meeting: its
// first meeting word says whether it was a call, a visit or a meeting.
func (d *doc) meetingProps(trigs []trigger) map[string]string {
	for _, t := range trigs {
		if t.kind == tMeet || t.meets {
			act := d.x.lx.Acts[t.act]
			if t.kind != tMeet {
				act = d.x.lx.Acts[t.meetAct]
			}
			return map[string]string{schema.PropAct: act.Name, schema.PropCameo: act.Cameo}
		}
	}
	return nil
}

// pronounSubject reports "he" or "she" before the one official a meeting
// sentence names: the readout's own minister met them.
func pronounSubject(s *sentence, o *official) bool {
	for _, m := range s.mentions {
		if m.off == o {
			return pronounBefore(s, m.start)
		}
	}
	return false
}

// pronounReferent is whom "he" or "she" means in a meeting sentence: the
// first participant of the meeting before, else the readout's first
// official.
func (d *doc) pronounReferent() *official {
	if d.meetingSeen && len(d.participants) > 0 {
		return d.participants[0]
	}
	if len(d.order) > 0 {
		return d.order[0]
	}
	return nil
}
