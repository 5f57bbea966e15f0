package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// relateMembership reads the MEMBER_OF facts a sentence states outright:
//
//	<Forum> countries (<State>, <State> and <State>)   also with dashes
//	<Forum> members <State>, <State> and <State>
//	<State>, <State> and <State>, as members of [both] <Forum> [and <Forum>]
//	<State>'s <Forum> presidency; <State> ... as <Forum> Chair
//	<State>, a <Forum> Ally; <State>, which holds the <Forum> presidency
//	as fellow members of <Forum>, they ...  (the participants' states)
func (d *doc) relateMembership(s *sentence) {
	for _, m := range readMemberships(d.x.lx, s, d.participantStates()) {
		d.addEdge(schema.MemberOf, schema.Key(schema.State, m.state), schema.Key(schema.Forum, m.forum), s.text, nil)
	}
}

// membership is one state's membership of a forum.
type membership struct {
	state, forum string // state code, forum id
}

// readMemberships returns the memberships a sentence states, forum by
// forum in the order the sentence names them. participants are the states
// of the meeting's participants, which a group subject ("they", "the two
// leaders") stands for.
func readMemberships(lx *lexicon.Lexicon, s *sentence, participants []string) []membership {
	var out []membership
	for k, m := range s.mentions {
		if m.kind != mForum {
			continue
		}
		for _, st := range membersOf(lx, s, k, participants) {
			out = append(out, membership{state: st, forum: m.id})
		}
	}
	return out
}

// membersOf finds the states a sentence places in the forum at mention k.
func membersOf(lx *lexicon.Lexicon, s *sentence, k int, participants []string) []string {
	toks, ms := s.toks, s.mentions
	m := ms[k]
	after := m.end
	switch {
	case after < len(toks) && lx.Words.MemberNouns[toks[after].Norm]:
		i := skipNoun(lx, toks, after)
		with := false
		for _, w := range []string{"together", "with", "including", "alongside"} {
			if i < len(toks) && toks[i].Norm == w {
				i, with = i+1, true // "As Quad partners together with Australia and the United States"
			}
		}
		states := statesListAt(toks, ms, k+1, i)
		if with && asBefore(toks, m.start) {
			return append(states, subjectStates(lx, s, k, participants)...)
		}
		if len(states) > 0 {
			return states
		}
		if st, ok := appositiveState(toks, ms, k); ok {
			return []string{st} // "Türkiye, a NATO Ally since 1952"
		}
		if asBefore(toks, m.start) {
			return subjectStates(lx, s, k, participants)
		}
	case after < len(toks) && lx.Words.RoleNouns[toks[after].Norm]:
		if st, ok := possessiveStateBefore(toks, ms, k); ok {
			return []string{st}
		}
		if asBefore(toks, m.start) || whichHolds(toks, m.start) || ownPossessive(toks, m.start) {
			return subjectStates(lx, s, k, participants)
		}
		return nil
	}
	if after < len(toks) && toks[after].Norm == "(" {
		if states := statesListAt(toks, ms, k+1, after); len(states) >= 2 {
			return states // "the Normandy format (Russia, Ukraine, Germany and France)"
		}
	}
	if states := groupOfStates(lx, toks, ms, k); len(states) > 0 {
		return states // "the G7 Foreign Ministers of Canada, France, ..."; "the AUKUS partnership between ..."
	}
	if st, ok := newestMember(lx, toks, ms, k); ok {
		return []string{st} // "NATO's newest Ally, Montenegro"
	}
	if chairOf(toks, m.start) || chairsBefore(toks, m.start) {
		return subjectStates(lx, s, k, participants) // "President Ramaphosa, current Chair of the African Union"
	}
	if start, ok := memberOfBefore(lx, toks, ms, k); ok {
		if states := statesListBefore(toks, ms, k, start); len(states) > 0 {
			return states
		}
		if m.end < len(toks) && toks[m.end].Norm == "," {
			if states := statesListAt(toks, ms, k+1, m.end+1); len(states) > 0 {
				return states // "As fellow members of the Quad, Australia and Japan ..."
			}
		}
		return subjectStates(lx, s, k, participants)
	}
	return nil
}

// skipNoun steps over the member noun ("member states", "countries").
func skipNoun(lx *lexicon.Lexicon, toks []text.Token, i int) int {
	for i < len(toks) && lx.Words.MemberNouns[toks[i].Norm] {
		i++
	}
	return i
}

// asBefore reports "as [a|an|fellow] <Forum>" or "fellow <Forum>".
func asBefore(toks []text.Token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].Norm == "a" || toks[j].Norm == "an" || toks[j].Norm == "the" || toks[j].Norm == "fellow") {
		if toks[j].Norm == "fellow" {
			return true
		}
		j--
	}
	return j >= 0 && toks[j].Norm == "as"
}

// whichHolds reports ", which holds the <Forum>" or "holds the <Forum>".
func whichHolds(toks []text.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 0 {
		return false
	}
	switch toks[j].Norm {
	case "holds", "held", "hold", "holding", "over", "assumed", "assumes", "assume", "assuming", "took", "takes",
		"chairs", "chaired", "chairing", "leads", "presides":
		return true
	}
	return false
}

// ownPossessive reports "its <Forum> presidency": the subject's own.
func ownPossessive(toks []text.Token, i int) bool {
	return i > 0 && (toks[i-1].Norm == "its" || toks[i-1].Norm == "their")
}

// appositiveState reads "<State>, a <Forum> Ally": the state the
// apposition describes.
func appositiveState(toks []text.Token, ms []mention, k int) (string, bool) {
	i := ms[k].start
	if i < 3 || (toks[i-1].Norm != "a" && toks[i-1].Norm != "an") || toks[i-2].Norm != "," {
		return "", false
	}
	if k > 0 && ms[k-1].kind == mState && ms[k-1].end == i-2 {
		return ms[k-1].id, true
	}
	return "", false
}

// possessiveStateBefore reads "<State>'s <Forum>" or "<State>'s own <Forum>".
func possessiveStateBefore(toks []text.Token, ms []mention, k int) (string, bool) {
	if k == 0 || ms[k-1].kind != mState {
		return "", false
	}
	prev := ms[k-1]
	gap := toks[prev.end:ms[k].start]
	if len(gap) >= 1 && gap[0].Norm == "'s" && len(gap) <= 2 {
		return prev.id, true
	}
	return "", false
}

// subjectStates are the states a membership phrase with no list of its own
// describes: the state named last before it in the sentence ("Türkiye, a
// NATO Ally"; "Indonesia's efforts as ASEAN Chair"), or, when a group
// ("they", "the two leaders") is the subject, the participants' states.
func subjectStates(lx *lexicon.Lexicon, s *sentence, k int, participants []string) []string {
	for j := k - 1; j >= 0; j-- {
		switch s.mentions[j].kind {
		case mState:
			return []string{s.mentions[j].id}
		case mOfficial:
			if st := s.mentions[j].off.state; lx.States[st].Code != "" {
				return []string{st}
			}
			return nil
		case mGroup:
			return participants
		}
	}
	for j := k + 1; j < len(s.mentions); j++ {
		if s.mentions[j].kind == mGroup {
			return participants
		}
	}
	return nil
}

// participantStates are the distinct states of the meeting's participants.
func (d *doc) participantStates() []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range d.currentParticipants() {
		if _, ok := d.x.lx.States[o.state]; ok && !seen[o.state] {
			seen[o.state] = true
			out = append(out, o.state)
		}
	}
	return out
}

// statesListAt reads a list of states starting at token i, in brackets,
// between dashes, or bare: only states, commas, "and" and "the" may stand in
// it.
func statesListAt(toks []text.Token, ms []mention, k, i int) []string {
	closing := ""
	if i < len(toks) {
		switch toks[i].Norm {
		case "(":
			closing = ")"
		case "-", ":":
			closing = "-"
		}
	}
	if closing != "" {
		i++
	}
	var out []string
	for k < len(ms) && ms[k].start < i {
		k++
	}
	for i < len(toks) {
		if k < len(ms) && ms[k].start == i && ms[k].kind == mState {
			out = append(out, ms[k].id)
			i = ms[k].end
			k++
			continue
		}
		switch toks[i].Norm {
		case ",", "and", "the", "&":
			i++
			continue
		}
		break
	}
	if closing == ")" && (i >= len(toks) || toks[i].Norm != ")") {
		return nil // a bracket that holds something else
	}
	return out
}

// memberOfBefore finds "members of [both] [the]" just before the forum at
// mention k, or before an earlier forum joined to it by "and" ("members of
// both the European Union and NATO"). It returns where "members" starts.
func memberOfBefore(lx *lexicon.Lexicon, toks []text.Token, ms []mention, k int) (int, bool) {
	i := ms[k].start
	if k > 0 && ms[k-1].kind == mForum {
		gap := toks[ms[k-1].end:i]
		if len(gap) >= 1 && gap[0].Norm == "and" && len(gap) <= 2 {
			i = ms[k-1].start
		}
	}
	j := i - 1
	for j >= 0 && (toks[j].Norm == "the" || toks[j].Norm == "both") {
		j--
	}
	if j < 1 || toks[j].Norm != "of" {
		return 0, false
	}
	j--
	if !lx.Words.MemberNouns[toks[j].Norm] {
		return 0, false
	}
	for j > 0 && lx.Words.MemberNouns[toks[j-1].Norm] {
		j--
	}
	return j, true
}

// statesListBefore reads the run of states that ends just before "[,] as
// members of" or "are members of" at token start.
func statesListBefore(toks []text.Token, ms []mention, k, start int) []string {
	i := start - 1
	for i >= 0 && (toks[i].Norm == "as" || toks[i].Norm == "are" || toks[i].Norm == "is" ||
		toks[i].Norm == "fellow" || toks[i].Norm == "both" || toks[i].Norm == ",") {
		i--
	}
	var out []string
	for j := k - 1; j >= 0; j-- {
		m := ms[j]
		if m.end > start {
			continue
		}
		if m.end-1 != i || m.kind != mState {
			break
		}
		out = append(out, m.id)
		i = m.start - 1
		for i >= 0 && (toks[i].Norm == "," || toks[i].Norm == "and" || toks[i].Norm == "the") {
			i--
		}
	}
	return out
}

// groupOfStates reads "<Forum> <group words> of|from|between <states>".
func groupOfStates(lx *lexicon.Lexicon, toks []text.Token, ms []mention, k int) []string {
	i := ms[k].end
	j := i
	for j < len(toks) && j < i+5 && lx.Words.GroupWords[toks[j].Norm] {
		j++
	}
	if j == i || j >= len(toks) {
		return nil
	}
	switch toks[j].Norm {
	case "of", "from", "between":
	default:
		return nil
	}
	j++
	if j < len(toks) && toks[j].Norm == "the" {
		j++
	}
	states := statesListAt(toks, ms, k+1, j)
	if len(states) < 2 {
		return nil // one state after "of" is a delegation, not a list of members
	}
	return states
}

// newestMember reads "<Forum>'s [newest] Ally[,] <State>".
func newestMember(lx *lexicon.Lexicon, toks []text.Token, ms []mention, k int) (string, bool) {
	i := ms[k].end
	if i >= len(toks) || toks[i].Norm != "'s" {
		return "", false
	}
	j := i + 1
	for j < len(toks) && j < i+3 && !lx.Words.MemberTitles[toks[j].Norm] {
		j++
	}
	if j >= len(toks) || !lx.Words.MemberTitles[toks[j].Norm] {
		return "", false
	}
	j++
	if j < len(toks) && (toks[j].Norm == "state" || toks[j].Norm == "states") {
		j++
	}
	if j < len(toks) && toks[j].Norm == "," {
		j++
	}
	for _, m := range ms[k+1:] {
		if m.start == j && m.kind == mState {
			return m.id, true
		}
	}
	return "", false
}

// chairOf reports "Chair of [the] <Forum>" before token i: only a member
// chairs a forum.
func chairOf(toks []text.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 1 || toks[j].Norm != "of" {
		return false
	}
	switch toks[j-1].Norm {
	case "chair", "chairman", "chairmanship", "presidency", "chair-in-office":
		return true
	}
	return false
}

// chairsBefore reports "chairs [the] <Forum>": only a member chairs it.
func chairsBefore(toks []text.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	return j >= 0 && (toks[j].Norm == "chairs" || toks[j].Norm == "chaired" || toks[j].Norm == "chairing")
}
