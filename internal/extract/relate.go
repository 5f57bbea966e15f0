package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// homeCues are phrases only one government's releases carry.
var homeCues = []struct{ phrase, state string }{
	{"Office of the Spokesperson", "US"}, {"Department of State", "US"}, {"State Department", "US"},
	{"White House", "US"}, {"Department of Defense", "US"},
	{"Ministry of Foreign Affairs of Japan", "JP"}, {"Ministry of External Affairs", "IN"},
	{"Foreign, Commonwealth and Development Office", "GB"}, {"Department of Foreign Affairs and Trade", "AU"},
}

// findHome guesses the state whose government published the readout: one
// its release format names, else the state of the first official it names.
// An unqualified role ("the Secretary") that no participant fills is looked
// up in that state.
func (d *doc) findHome() {
	for _, c := range homeCues {
		if strings.Contains(d.r.Body, c.phrase) {
			d.home = c.state
			return
		}
	}
	for _, o := range d.order {
		if _, ok := d.x.lx.States[o.state]; ok {
			d.home = o.state
			return
		}
	}
}

// relate turns one sentence's triggers and mentions into facts.
func (d *doc) relate(s *sentence) {
	d.resolveRoles(s)
	trigs := findTriggers(s.toks)
	own, dated := readout.DateIn(s.text, d.r.Date)
	switch {
	case dated:
		d.factDate = own
	case d.meetingDate != "":
		d.factDate = d.meetingDate
	default:
		d.factDate = d.r.Date
	}
	meeting := d.relateMeeting(s, trigs)
	if len(meeting) > 0 {
		// Later sentences about this meeting share its date.
		d.meetingDate = d.factDate
	}
	d.relateTopics(s, trigs, meeting)
	d.relateMembership(s)
}

// resolveRoles turns role mentions into officials where the readout makes
// clear who is meant.
func (d *doc) resolveRoles(s *sentence) {
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.kind == mSelf && len(d.order) > 0 {
			// A minister's own release names its author first, in its heading.
			m.kind, m.off = mOfficial, d.order[0]
			continue
		}
		if m.kind != mRole {
			continue
		}
		if o := d.resolveRole(d.x.lx.Titles[m.title], m.state); o != nil {
			m.kind, m.off = mOfficial, o
		}
	}
}

func (d *doc) resolveRole(t lexicon.Title, state string) *official {
	match := func(pool []*official) *official {
		var found *official
		for _, o := range pool {
			if !roleFits(t, state, o) {
				continue
			}
			if found != nil && found != o {
				return nil // ambiguous: two participants fit
			}
			found = o
		}
		return found
	}
	if o := match(d.currentParticipants()); o != nil {
		return o
	}
	if o := match(d.order); o != nil {
		return o
	}
	if state == "" {
		state = t.State
	}
	if state == "" {
		state = d.home
	}
	if state == "" || d.r.Date == "" || isGenericOffice(t.Office) {
		return d.resolveGenericRole(t, state)
	}
	holders := d.x.lx.OfficeHolders(state, t.Office, d.r.Date)
	if len(holders) != 1 {
		return nil
	}
	h := holders[0]
	return d.addOfficial(&official{name: h.Name, title: h.Title, office: h.Office, state: h.State}, "")
}

// resolveGenericRole handles "the Secretary" in a readout whose home state
// gives the word one meaning: a US readout's Secretary is its Secretary of
// State.
func (d *doc) resolveGenericRole(t lexicon.Title, state string) *official {
	if state != "US" || t.Head != "Secretary" || d.r.Date == "" {
		return nil
	}
	holders := d.x.lx.OfficeHolders("US", "foreign-minister", d.r.Date)
	if len(holders) != 1 {
		return nil
	}
	h := holders[0]
	return d.addOfficial(&official{name: h.Name, title: h.Title, office: h.Office, state: h.State}, "")
}

func isGenericOffice(office string) bool {
	return office == "minister" || office == "secretary"
}

// roleFits reports whether an official can be the one a role mention means.
func roleFits(t lexicon.Title, state string, o *official) bool {
	if state != "" && o.state != state {
		return false
	}
	if !isGenericOffice(t.Office) && o.office == t.Office {
		return true
	}
	return t.Head != "" && strings.Contains(strings.ToLower(o.title), strings.ToLower(t.Head))
}

func (d *doc) currentParticipants() []*official {
	if d.meetingSeen {
		return d.participants
	}
	return d.order
}

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
