package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// relateTopics gives each topic of the sentence to the trigger nearest
// before it (else after it) and records DISCUSSED or COMMITTED_TO from the
// trigger's subjects. A commitment is also something discussed.
func (d *doc) relateTopics(s *sentence, trigs []trigger, meeting []*official) {
	topics := s.topics
	owned := map[int]bool{}
	for _, tp := range topics {
		ti := ownerTrigger(trigs, tp.start)
		if ti >= 0 {
			owned[ti] = true
		}
		kind, negated, at := tDiscuss, hasNegation(s.toks), 0
		if ti >= 0 {
			kind, negated, at = trigs[ti].kind, trigs[ti].negated, trigs[ti].at
		}
		if negated {
			continue
		}
		d.relateTopic(s, kind, at, tp.id, tp.name, meeting)
	}
	for i, t := range trigs {
		if owned[i] || t.negated || t.kind == tMeet {
			continue
		}
		if !governsObject(s.toks[t.at:t.end]) {
			continue
		}
		if phrase := objectPhrase(s.toks, t.end, s.mentions, s.topics, trigs); phrase != "" {
			d.relateTopic(s, t.kind, t.at, lexicon.TopicID(phrase), phrase, meeting)
		}
	}
}

func (d *doc) relateTopic(s *sentence, kind triggerKind, at int, id, name string, meeting []*official) {
	subjects := d.subjects(s, at, meeting)
	topic := schema.Key(schema.Topic, id)
	if d.topics == nil {
		d.topics = map[string]string{}
	}
	for _, subj := range subjects {
		d.topics[id] = name
		d.addEdge(schema.Discussed, subj, topic, s.text, nil)
		if kind == tCommit {
			d.addEdge(schema.CommittedTo, subj, topic, s.text, nil)
		}
	}
}

// ownerTrigger is the index of the discuss or commit trigger nearest before
// token i, else the nearest after it, else -1.
func ownerTrigger(trigs []trigger, i int) int {
	before, after := -1, -1
	for k, t := range trigs {
		if t.kind == tMeet {
			continue
		}
		if t.at < i {
			before = k
		} else if after < 0 {
			after = k
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// subjects are the node keys a sentence's trigger at token at speaks for:
// the officials or groups named before it, else the meeting's participants,
// else, in a readout naming no official, the states before the trigger.
func (d *doc) subjects(s *sentence, at int, meeting []*official) []string {
	if len(meeting) > 0 {
		return officialKeys(meeting)
	}
	group := false
	for _, m := range s.mentions {
		if m.kind == mGroup && m.start < at {
			group = true
		}
	}
	if offs := sentenceOfficials(s, 0, at); len(offs) > 0 && !group {
		return officialKeys(offs)
	}
	if p := d.currentParticipants(); len(p) > 0 {
		return officialKeys(p)
	}
	if len(d.parties) > 0 {
		return stateKeys(d.parties)
	}
	if states := sentenceStates(s, at); len(states) > 0 {
		return stateKeys(states)
	}
	// A body speaking as one: "The members of the Security Council
	// condemned ...".
	for _, m := range s.mentions {
		if m.kind == mForum && m.start < at {
			return []string{schema.Key(schema.Forum, m.id)}
		}
	}
	if len(d.sentences) > 0 {
		return stateKeys(sentenceStates(d.sentences[0], len(d.sentences[0].toks)))
	}
	return nil
}

// sentenceStates lists the distinct states named before token at.
func sentenceStates(s *sentence, at int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range s.mentions {
		if m.kind == mState && m.start < at && !seen[m.id] {
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

func officialKey(o *official) string { return schema.Key(schema.Official, o.id) }

func officialKeys(offs []*official) []string {
	out := make([]string, len(offs))
	for i, o := range offs {
		out[i] = officialKey(o)
	}
	return out
}

// objectTriggers are the triggers whose object names a topic outright;
// others ("agreed to", "welcomed") take a verb or an event.
var objectTriggers = map[string]bool{
	"discussed": true, "discuss": true, "discussing": true, "discussion": true, "discussions": true,
	"exchanged": true, "reviewed": true, "addressed": true, "commitment": true, "commitments": true,
	"committed": true, "reaffirmed": true, "pledged": true, "raised": true, "agreed": true, "confirmed": true,
	"affirmed": true, "vowed": true, "resolved": true, "decided": true, "intends": true,
}

func governsObject(span []text.Token) bool {
	return objectTriggers[span[0].Norm]
}

// objectLead are words that open an object phrase without being its topic.
var objectLead = map[string]bool{
	"on": true, "about": true, "upon": true, "the": true, "their": true, "a": true, "an": true, "views": true,
	"to": true, "of": true, "ways": true, "importance": true, "shared": true, "commitment": true, "support": true,
	"for": true, "its": true, "our": true, "strong": true, "continued": true, "further": true, "closer": true,
	"close": true, "deepening": true, "strengthening": true, "enhancing": true, "advancing": true, "expanding": true,
	"work": true, "together": true, "closely": true, "also": true, "mutual": true, "steadfast": true,
	"unwavering": true, "enduring": true, "need": true, "promote": true, "promoting": true, "strengthen": true,
	"deepen": true, "enhance": true, "advance": true, "expand": true, "ideas": true, "opinions": true, "that": true,
	"build": true, "maintain": true, "resume": true, "pursue": true, "keep": true, "establish": true, "launch": true,
	"step": true, "up": true, "seek": true, "ensure": true, "achieve": true, "realize": true, "realise": true,
	"return": true, "returning": true, "working": true, "toward": true, "towards": true, "manage": true,
	"managing": true, "stabilize": true, "stabilise": true, "stabilizing": true, "continue": true,
	"they": true, "would": true, "will": true, "both": true, "sides": true, "countries": true,
}

// objectStop ends an object phrase.
var objectStop = map[string]bool{
	"with": true, "during": true, "following": true, "and": true, "or": true, "which": true, "that": true,
	"who": true, "while": true, "as": true, "at": true, "including": true, "ahead": true, "after": true,
	"before": true, "amid": true, "since": true, "where": true, "when": true, "but": true, "by": true,
}

// objectLinks may stand inside an object phrase, between its words:
// "preparations for the NATO summit", "the situation in the border areas".
var objectLinks = map[string]bool{
	"of": true, "for": true, "in": true, "on": true, "to": true, "between": true, "among": true,
	"the": true, "a": true, "an": true, "'s": true, "-": true, "its": true, "their": true,
}

// vagueObjects are objects that name no topic.
var vagueObjects = map[string]bool{
	"issues": true, "matters": true, "topics": true, "areas": true, "efforts": true, "steps": true,
	"measures": true, "progress": true, "developments": true, "meeting": true, "talks": true, "call": true,
	"visit": true, "it": true, "this": true, "them": true, "these": true, "those": true, "cooperation": true,
	"collaboration": true, "relations": true, "partnership": true, "work": true, "plans": true, "range": true,
	"number": true, "variety": true, "way": true, "ways": true, "opportunity": true, "occasion": true,
	"ties": true, "relationship": true, "agenda": true, "matter": true, "issue": true, "question": true,
	"situation": true, "importance": true, "need": true, "preparations": true, "implementation": true,
	"resumption": true, "priorities": true, "initiative": true, "cases": true, "candid": true,
}

// maxObjectWords bounds an object phrase: longer runs are clauses.
const maxObjectWords = 9

// objectPhrase reads the noun phrase a trigger governs when the taxonomy
// names nothing there: words up to the next punctuation or clause word,
// with "of", "for", "in" and the like allowed between them. It returns ""
// when the phrase is empty, vague, too long to be a noun phrase, or runs
// into a person or a taxonomy topic.
func objectPhrase(toks []text.Token, from int, ms []mention, topics []topicMention, trigs []trigger) string {
	i := from
	if i+1 < len(toks) && toks[i].Norm == "to" && !objectLead[toks[i+1].Norm] && !toks[i+1].IsCapitalized() {
		// "agreed to stay in close contact": a verb this reader does not
		// know heads the object; better no topic than a wrong one.
		if toks[i+1].Norm != "the" && toks[i+1].Norm != "a" {
			return ""
		}
	}
	for i < len(toks) && objectLead[toks[i].Norm] && !inTrigger(trigs, i) {
		i++
	}
	start := i
	if start < len(toks) && objectLinks[toks[start].Norm] && toks[start].Norm != "the" && toks[start].Norm != "a" && toks[start].Norm != "an" {
		return "" // "in 2020": a prepositional phrase, not an object
	}
	for i < len(toks) && i-start <= maxObjectWords && !objectStop[toks[i].Norm] {
		t := toks[i]
		if !t.IsWord() && t.Norm != "-" && t.Norm != "'s" {
			break
		}
		if inTopic(topics, i) || inTrigger(trigs, i) || inOfficial(ms, i) {
			return ""
		}
		i++
	}
	if i-start > maxObjectWords {
		return ""
	}
	for i > start && objectLinks[toks[i-1].Norm] {
		i-- // no phrase ends on "of the"
	}
	if i == start {
		return ""
	}
	last := toks[i-1].Norm
	if (i-start == 1 && (vagueObjects[last] || len(last) < 5 || strings.HasSuffix(last, "ed"))) || strings.HasSuffix(last, "ly") {
		return ""
	}
	if i-start <= 2 && vagueObjects[last] {
		return ""
	}
	if strings.HasSuffix(toks[start].Norm, "ly") || onlyEntities(ms, start, i) {
		return "" // "comprehensively promote ...", or a bare state name
	}
	var words []string
	for _, t := range toks[start:i] {
		words = append(words, t.Norm)
	}
	p := strings.Join(words, " ")
	return strings.NewReplacer(" - ", "-", " 's", "'s").Replace(p)
}

// onlyEntities reports whether every word of [start, end) is part of a
// state or forum name.
func onlyEntities(ms []mention, start, end int) bool {
	covered := 0
	for _, m := range ms {
		if (m.kind == mState || m.kind == mForum) && m.start >= start && m.end <= end {
			covered += m.end - m.start
		}
	}
	return covered == end-start
}

func inOfficial(ms []mention, i int) bool {
	for _, m := range ms {
		if (m.kind == mOfficial || m.kind == mRole || m.kind == mGroup || m.kind == mSelf) && i >= m.start && i < m.end {
			return true
		}
	}
	return false
}

func inTopic(ts []topicMention, i int) bool {
	for _, t := range ts {
		if i >= t.start && i < t.end {
			return true
		}
	}
	return false
}

func inTrigger(ts []trigger, i int) bool {
	for _, t := range ts {
		if i >= t.at && i < t.end {
			return true
		}
	}
	return false
}

func inMention(ms []mention, i int) bool {
	for _, m := range ms {
		if i >= m.start && i < m.end {
			return true
		}
	}
	return false
}
