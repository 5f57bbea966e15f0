package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
	"sort"
)

// relateActs records, for each speech act of a sentence that is not a
// meeting, what it was about: DISCUSSED, COMMITTED_TO or EXPRESSED edges
// from the act's subjects to each item of its object, in the readout's
// words, pointed at the taxonomy topics an item names or else at a topic of
// the phrase itself.
func (d *doc) relateActs(s *sentence, trigs []trigger, meeting []*official) {
	for i, t := range trigs {
		if i%256 == 255 && d.stopped() {
			return // a run-on sentence of thousands of acts: let an interrupt in
		}
		if t.negated {
			continue
		}
		if t.kind == tMeet {
			if about, ok := meetingAbout(d.x.lx, s, t); ok {
				t.kind, t.act, t.end = tDiscuss, d.x.lx.ActByName("discussed"), about
				trigs[i] = t
			} else {
				continue
			}
		}
		if isModal(s, t) && (!subjectJustBefore(d.x.lx, s, t.at) || meetVerbAfter(d.x.lx, s.toks, t.end) || inThatClause(s.toks, trigs, i)) {
			continue // "These agreements will strengthen ties": no speaker commits; "will meet": a plan
		}
		if nominalAt(s.toks, t.at) {
			continue // "welcomed the upcoming signing of ...": a noun inside another act's object
		}
		from, to, ok := objectSpan(d.x.lx, s, trigs, i)
		if !ok || negatedObject(d.x.lx, s.toks, from) {
			continue
		}
		passive := to <= t.at
		if !passive && !hasSpeaker(d.x.lx, s, t.at) {
			continue // "This partnership, focused on the future, ...": no participant speaks
		}
		subjectEnd := t.at
		if passive {
			subjectEnd = from
		}
		speakers := subjects(d.x.lx, s, subjectEnd, meeting, d.speakerContext())
		act := d.x.lx.Acts[t.act]
		infinitive := infinitiveObject(s, t)
		if t.kind == tCommit && s.toks[from].Norm == "that" {
			// "confirmed that they would work together": a commitment to
			// working together; "reaffirmed that the alliance is the
			// cornerstone": an assessment, stated.
			if m, ok := modalIn(s.toks, from, to); ok {
				from, infinitive = m, true
			} else {
				act, t.kind = d.x.lx.Acts[d.x.lx.ActByName("stressed")], tExpress
			}
		}
		if t.kind != tCommit && commitmentObject(d.x.lx, s.toks, from, to) {
			act, t.kind = d.x.lx.Acts[d.x.lx.ActByName("committed")], tCommit // "expressed their shared commitment to ..."
		} else if t.kind == tCommit && expressiveObject(d.x.lx, s.toks, from, to) {
			act, t.kind = d.x.lx.Acts[d.x.lx.ActByName("welcomed")], tExpress // "reiterated its appreciation for ..."
		}
		for _, it := range splitItems(d.x.lx, s, from, to, infinitive) {
			d.relateItem(s, t.kind, act, it, speakers)
		}
	}
}

// relateItem records one object item for each subject.
func (d *doc) relateItem(s *sentence, kind triggerKind, act lexicon.Act, it item, subjects []string) {
	rel := kind.relation()
	props := map[string]string{schema.PropPhrase: it.phrase, schema.PropAct: act.Name, schema.PropCameo: act.Cameo}
	targets := itemTopics(s, it)
	if len(targets) == 0 {
		id := lexicon.TopicID(it.phrase)
		if id == "" {
			return
		}
		targets = []topicMention{{id: id, name: it.phrase}}
		d.phraseTopics[id] = true
	}
	for _, tp := range targets {
		d.topics[tp.id] = tp.name
		for _, subj := range subjects {
			d.addEdge(rel, subj, schema.Key(schema.Topic, tp.id), s.text, props)
		}
	}
}

// itemTopics are the taxonomy topics found inside an item's span.
func itemTopics(s *sentence, it item) []topicMention {
	var out []topicMention
	seen := map[string]bool{}
	first := sort.Search(len(s.topics), func(k int) bool { return s.topics[k].start >= it.start })
	for _, tp := range s.topics[first:] {
		if tp.start >= it.end {
			break
		}
		if tp.end <= it.end && !seen[tp.id] {
			seen[tp.id] = true
			out = append(out, tp)
		}
	}
	return out
}

// isModal reports a "will" or "would" trigger, which commits only when a
// speaker says it of themselves.
func isModal(s *sentence, t trigger) bool {
	w := s.toks[t.at].Norm
	return w == "will" || w == "would"
}

// subjectJustBefore reports whether a speaker stands right before token at
// ("we will", "the two countries will", "the United States will").
func subjectJustBefore(lx *lexicon.Lexicon, s *sentence, at int) bool {
	j := at - 1
	for j >= 0 && (s.toks[j].Norm == "also" || s.toks[j].Norm == "both" || s.toks[j].Norm == "together") {
		j--
	}
	if m, ok := s.mentionEnding(j); ok {
		if relativeBefore(s.toks, m.start) {
			return false // "the summit that the United States will host": a relative clause
		}
		switch m.kind {
		case mOfficial, mRole, mGroup, mSelf:
			return true
		case mState:
			return isSpeaker(lx, s, m) // not "any incursion into Ukraine would"
		}
	}
	return j >= 0 && (s.toks[j].Norm == "countries" || s.toks[j].Norm == "nations" || s.toks[j].Norm == "sides")
}

// infinitiveObject reports whether the trigger takes a verb for its object
// ("agreed to stay", "will continue", "pledged to work"), whose head then
// reads as a gerund ("staying in close touch").
func infinitiveObject(s *sentence, t trigger) bool {
	if t.kind != tCommit {
		return false
	}
	last := s.toks[t.end-1].Norm
	return last == "to" || last == "will" || last == "would" || last == "pledged" || last == "vowed" ||
		last == "resolved" || last == "decided" || last == "undertook" || last == "continue"
}

// nominalAt reports a trigger word used as a noun after a determiner or a
// preposition: "the upcoming signing", "a landmark for reaffirming".
func nominalAt(toks []text.Token, at int) bool {
	if at == 0 {
		return false
	}
	switch toks[at-1].Norm {
	case "the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "upcoming", "recent",
		"of", "for", "in", "on", "at", "by", "from", "with", "without":
		return true
	}
	return false
}

// negatedObject reports an object that denies: "will not change".
func negatedObject(lx *lexicon.Lexicon, toks []text.Token, from int) bool {
	return from < len(toks) && lx.Words.Negations[toks[from].Norm]
}

// hasSpeaker reports whether an act has someone to say it: a person,
// group or state before it in the sentence, the meeting itself ("The call
// focused on ..."), a collective noun ("the three countries will"), or
// nothing at all before the act, as in a heading.
func hasSpeaker(lx *lexicon.Lexicon, s *sentence, at int) bool {
	return s.idx.firstSpeaker < at || s.idx.firstWord >= at
}

// expressiveObject reports a commitment word whose object is a feeling:
// "reiterated Canada's appreciation for ..." is praise, not a commitment.
// An assessment head ("agreed on the importance of ...") opening the object
// makes it an assessment, stated.
func expressiveObject(lx *lexicon.Lexicon, toks []text.Token, from, to int) bool {
	for k := from; k < to && k < from+4; k++ {
		switch w := toks[k].Norm; {
		case lx.Object.Expressive[w]:
			return true
		case lx.Object.Assessment[w]:
			return k <= from+1
		}
	}
	return false
}

// meetingAbout reads "held consultations on", "spoke at length about":
// a meeting word whose object is what was discussed. It returns where the
// object starts.
func meetingAbout(lx *lexicon.Lexicon, s *sentence, t trigger) (int, bool) {
	toks := s.toks
	switch toks[t.end-1].Norm {
	case "bilateral", "trilateral", "sidelines", "interface", "co-chair", "co-chaired":
		return 0, false // adjectives and places: "bilateral cooperation on fisheries"
	}
	if nominalAt(toks, t.at) || toks[t.at].IsCapitalized() && t.at > 0 {
		return 0, false // "the Quad Foreign Ministers' Meeting on his first day": a named meeting
	}
	for k := t.end; k < len(toks) && k < t.end+8; k++ {
		switch toks[k].Norm {
		case "about":
			return k + 1, true
		case "on":
			if k > t.end+1 || sidelinesAt(toks, k) || meetingNounAfter(toks, k) || dateAfter(lx, toks, k) {
				return 0, false
			}
			return k + 1, true
		case ".", ";", "with", "to", "and":
			return 0, false
		}
	}
	return 0, false
}

// meetVerbAfter reports "will meet", "will visit": a planned meeting.
func meetVerbAfter(lx *lexicon.Lexicon, toks []text.Token, i int) bool {
	if i < len(toks) && (toks[i].Norm == "also" || toks[i].Norm == "again") {
		i++
	}
	return meetingNounAt(lx, toks, i)
}

// commitmentObject reports an object that is itself a commitment: "noted
// their shared commitment to democracy" commits the speakers to it.
func commitmentObject(lx *lexicon.Lexicon, toks []text.Token, from, to int) bool {
	if toks[from].Norm == "that" {
		return false // "underscored that commitments remain ironclad": an assessment
	}
	for k := from; k < to && k < from+4; k++ {
		if lx.Object.Commitment[toks[k].Norm] {
			return k+1 < to && toks[k+1].Norm == "to"
		}
	}
	return false
}

// modalIn finds "will" or "would" in a that-clause and returns where the
// verb phrase after it starts.
func modalIn(toks []text.Token, from, to int) (int, bool) {
	for k := from + 1; k < to-1 && k < from+8; k++ {
		if w := toks[k].Norm; w == "will" || w == "would" || w == "shall" {
			k++
			for k < to-1 && (toks[k].Norm == "continue" && toks[k+1].Norm == "to" || toks[k].Norm == "also") {
				k++ // "would also", "will continue to"
				if toks[k].Norm == "to" {
					k++
				}
			}
			return k, true
		}
	}
	return 0, false
}

// relativeBefore reports "that" or "which" (and an article) just before
// token i.
func relativeBefore(toks []text.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	return j >= 0 && (toks[j].Norm == "that" || toks[j].Norm == "which")
}

// inThatClause reports a modal inside the that-clause of an earlier act:
// "agreed that any arms transfers would breach sanctions" states an
// assessment, and a commitment act's own that-clause was read with it.
func inThatClause(toks []text.Token, trigs []trigger, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if t := trigs[k]; t.kind != tMeet {
			for j := t.end; j < trigs[i].at; j++ {
				if toks[j].Norm == "that" {
					return true
				}
				if toks[j].Norm == ";" || toks[j].Norm == "." {
					return false
				}
			}
			return false
		}
	}
	return false
}
