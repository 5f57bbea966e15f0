package extract

import (
	"slices"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// official is a person the readout names.
type official struct {
	id, name      string
	key           string // officialKey's, once id is given
	title, office string
	state         string // state code
	forum         string // for an organisation's official, the forum it represents
	evidence      string // the sentence that introduced them with a title
	first         int    // the index of the sentence that first names them
	delegation    int    // non-zero for people listed as one group ("members of Congress, among which ...")
}

// findOfficials reads the title patterns of one sentence, replacing each
// title-and-name run of mentions by one official mention and each title
// with no name by a role mention:
//
//	<State> <Title>, <Name>          US Secretary of State Antony Blinken
//	<Title> of <State>, <Name>       the Foreign Minister of Japan, HAYASHI Yoshimasa
//	<demonym> <Title> <Name>         Australian Foreign Minister Penny Wong
//	<Name>, <State>'s <Title>        Penny Wong, Australia's Foreign Minister
func (d *doc) findOfficials(s *sentence) {
	d.reading = s.index
	ms := s.mentions
	out := make([]mention, 0, len(ms))
	starts := mentionStarts(ms)
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		switch m.kind {
		case mTitle:
			merged, used := d.titled(s, out, ms, k, starts)
			out = merged
			k += used
		case mOfficial:
			o := d.resolvePerson(m.people, "", "", "")
			m.off = d.addOfficial(o, s.text)
			out = append(out, m)
		default:
			out = append(out, m)
		}
	}
	s.mentions = d.findListedNames(s, out)
	d.findGluedNames(s)
}

// findListedNames reads the people a plural title introduces as a list:
// each is an official with that title, and all of them one delegation, so
// that a meeting with them does not pair them with each other.
func (d *doc) findListedNames(s *sentence, ms []mention) []mention {
	if !slices.ContainsFunc(ms, func(m mention) bool { return m.kind == mRole }) {
		return ms // no plural title to open a list: most sentences
	}
	var out []mention
	for k, m := range ms {
		out = append(out, m)
		if m.kind != mRole {
			continue
		}
		i := m.end
		if i < len(s.toks) && s.toks[i].Norm == "," {
			i++
		}
		n := openerAt(d.x.lx, s.toks, i)
		if n == 0 {
			continue
		}
		i += n
		next := len(s.toks)
		if k+1 < len(ms) {
			next = ms[k+1].start
		}
		t := d.x.lx.Titles[m.title]
		delegation := s.index*1000 + m.start + 1
		for i < next {
			ns, ne, ok := readName(d.x.lx, s.toks, i, nil)
			if !ok || ne > next {
				break
			}
			o := d.addOfficial(d.namedOfficial(s.toks[ns:ne], m.state, t), s.text)
			o.delegation = delegation
			out = append(out, mention{kind: mOfficial, start: ns, end: ne, off: o})
			i = ne
			for i < next && (s.toks[i].Norm == "," || s.toks[i].Norm == "and") {
				i++
			}
		}
	}
	return out
}

// openerAt returns the length of a list opener ("among whom") at toks[i], or 0.
func openerAt(lx *lexicon.Lexicon, toks []text.Token, i int) int {
	for _, o := range lx.Words.ListOpeners {
		if i+len(o) > len(toks) {
			continue
		}
		ok := true
		for j, w := range o {
			ok = ok && toks[i+j].Norm == w
		}
		if ok {
			return len(o)
		}
	}
	return 0
}

// titled handles a title mention at ms[k]. It returns the mentions so far
// with the result appended, and how many following mentions it consumed.
func (d *doc) titled(s *sentence, out, ms []mention, k int, starts map[int]bool) ([]mention, int) {
	merged, used := d.titledPerson(s, out, ms, k, starts)
	if used > 0 && ms[k+1].kind == mForum {
		// "Secretary-General of the League of Arab States": the
		// organisation is named too.
		merged = append(merged, ms[k+1])
	}
	return merged, used
}

func (d *doc) titledPerson(s *sentence, out, ms []mention, k int, starts map[int]bool) ([]mention, int) {
	lx := d.x.lx
	m := ms[k]
	t := lx.Titles[m.title]
	state, start := stateBefore(s.toks, out, m.start)
	if start < m.start && state != "" {
		out = out[:len(out)-1] // the state mention becomes part of the official
	}
	end, used := m.end, 0
	forum := ""
	if st, e, ok := ofState(s.toks, ms, k); ok {
		state, end, used = st, e, 1
		if ms[k+1].kind == mForum {
			state, forum = "", st // "Chairperson of the African Union Commission"
		}
	}
	if state == "" && forum == "" {
		state = t.State
	}
	if _, isState := lx.States[state]; !isState && forum == "" {
		if _, isForum := lx.Forums[state]; isForum {
			state, forum = "", state // a title of an organisation: "High Representative" is the EU's
		}
	}
	org := func(o *official) *official {
		if forum != "" && o.state == "" {
			o.forum = forum
		}
		return o
	}
	// A known person right after the title: "Secretary of State Antony Blinken".
	if k+used+1 < len(ms) {
		next := ms[k+used+1]
		if next.kind == mOfficial && nameGap(lx, s.toks, end, next.start) {
			st, stEnd, n := stateAfterName(s.toks, ms, k+used+2, next.end)
			if n > 0 {
				state = st // "Prime Minister Jacinda Ardern of New Zealand"
			}
			o := org(d.resolvePerson(next.people, state, t.Office, t.Title))
			next.off = d.addOfficial(o, s.text)
			next.start = start
			if n > 0 {
				next.end = stEnd
			}
			return append(out, next), used + 1 + n
		}
	}
	if ns, ne, ok := readName(lx, s.toks, end, starts); ok {
		mentionEnd := ne
		st, stEnd, n := stateAfterName(s.toks, ms, k+used+1, ne)
		if n > 0 {
			state, mentionEnd = st, stEnd // "King Abdullah II of Jordan"
		}
		o := org(d.namedOfficial(s.toks[ns:ne], state, t))
		return append(out, mention{kind: mOfficial, start: start, end: mentionEnd, off: d.addOfficial(o, s.text)}), used + n
	}
	if ns, ok := nameBefore(lx, s.toks, start, out); ok {
		o := org(d.namedOfficial(s.toks[ns:start-commaLen(s.toks, start)], state, t))
		if len(out) > 0 && out[len(out)-1].end > ns {
			out = out[:len(out)-1]
		}
		return append(out, mention{kind: mOfficial, start: ns, end: end, off: d.addOfficial(o, s.text)}), used
	}
	return append(out, mention{kind: mRole, start: start, end: end, title: m.title, state: state}), used
}

// stateBefore finds a state qualifying a title from the left: "Japanese
// Foreign Minister", "Japan's Foreign Minister", "United States (US)
// Secretary". It returns the state and where the qualified title starts.
func stateBefore(toks []text.Token, out []mention, titleStart int) (string, int) {
	if len(out) == 0 {
		return "", titleStart
	}
	prev := out[len(out)-1]
	if prev.kind != mState {
		return "", titleStart
	}
	gap := toks[prev.end:titleStart]
	switch {
	case len(gap) == 0:
	case len(gap) == 1 && gap[0].Norm == "'s":
	case len(gap) == 3 && gap[0].Norm == "(" && gap[2].Norm == ")":
		// "United States (US) Secretary": the acronym repeats the state
	default:
		if len(out) >= 2 && len(gap) == 1 && gap[0].Norm == ")" {
			return "", titleStart
		}
		return "", titleStart
	}
	return prev.id, prev.start
}

// ofState reads "of [the] <State>" after the title at ms[k].
func ofState(toks []text.Token, ms []mention, k int) (string, int, bool) {
	if k+1 >= len(ms) || (ms[k+1].kind != mState && ms[k+1].kind != mForum) {
		return "", 0, false // "Chairperson of the African Union Commission": the organisation's official
	}
	gap := toks[ms[k].end:ms[k+1].start]
	if len(gap) == 1 && gap[0].Norm == "of" || len(gap) == 2 && gap[0].Norm == "of" && gap[1].Norm == "the" {
		return ms[k+1].id, ms[k+1].end, true
	}
	return "", 0, false
}

// stateAfterName reads "of [the] <State>" right after a name ending at
// token end, the state being mention ms[k]: the person's own country, which
// the sentence gives and which wins over the table. It returns the state,
// where it ends, and 1 when it was read (the mention is consumed).
func stateAfterName(toks []text.Token, ms []mention, k, end int) (string, int, int) {
	if k >= len(ms) || ms[k].kind != mState || end >= len(toks) || toks[end].Norm != "of" {
		return "", 0, 0
	}
	at := end + 1
	if at < len(toks) && toks[at].Norm == "the" {
		at++
	}
	if ms[k].start != at {
		return "", 0, 0
	}
	return ms[k].id, ms[k].end, 1
}

// nameGap reports whether only a comma and honorifics separate a title from a name.
func nameGap(lx *lexicon.Lexicon, toks []text.Token, from, to int) bool {
	for i := from; i < to; i++ {
		if toks[i].Norm != "," && !isHonorific(lx, toks, i) && toks[i].Norm != "." {
			return false
		}
	}
	return true
}

// isHonorific reports an honorific at toks[i]: a capitalised one, "the"
// opening "the Hon.", or the full stop after one.
func isHonorific(lx *lexicon.Lexicon, toks []text.Token, i int) bool {
	honorifics := lx.Words.Honorifics
	t := toks[i]
	if t.Norm == "the" {
		return i+1 < len(toks) && (toks[i+1].Norm == "hon" || toks[i+1].Norm == "honourable" || toks[i+1].Norm == "honorable" ||
			toks[i+1].Norm == "rt" || toks[i+1].Norm == "right")
	}
	if t.Norm == "." {
		return i > 0 && honorifics[toks[i-1].Norm]
	}
	return honorifics[t.Norm] && (t.IsCapitalized() || t.Norm == "dato")
}

func mentionStarts(ms []mention) map[int]bool {
	starts := make(map[int]bool, len(ms))
	for _, m := range ms {
		starts[m.start] = true
	}
	return starts
}

// readName reads a personal name starting at toks[i], after an optional
// comma and honorifics. Names are capitalised words, initials ("S."),
// hyphenated parts ("Tae-yul") and lower-case particles between capitalised
// words ("da Silva").
func readName(lx *lexicon.Lexicon, toks []text.Token, i int, stops map[int]bool) (int, int, bool) {
	if i < len(toks) && toks[i].Norm == "," {
		i++
	}
	for i < len(toks) && (isHonorific(lx, toks, i) || (toks[i].Norm == "." && i > 0 && isHonorific(lx, toks, i-1))) {
		i++
	}
	start, j := i, i
	for j < len(toks) && j-start < 8 && !stops[j] {
		t := toks[j]
		switch {
		case isNameWord(lx, t):
			j++
			if j < len(toks) && toks[j].Norm == "." && utf8.RuneCountInString(t.Text) <= 2 {
				j++ // an initial, or Jr.
			}
		case t.Norm == "-" && j > start && j+1 < len(toks) && toks[j+1].IsWord() && toks[j].Start == toks[j-1].End:
			j += 2 // Tae-yul
		case lx.Words.NameParticles[t.Norm] && j > start && j+1 < len(toks) && isNameWord(lx, toks[j+1]):
			j++
		default:
			return start, j, j > start && validName(toks[start:j])
		}
	}
	return start, j, j > start && validName(toks[start:j])
}

// nameBefore finds "<Name>, " ending just before a title at toks[titleStart]:
// "Penny Wong, Australia's Foreign Minister".
func nameBefore(lx *lexicon.Lexicon, toks []text.Token, titleStart int, out []mention) (int, bool) {
	end := titleStart
	if end > 0 && toks[end-1].Norm == "the" {
		end--
	}
	if end == 0 || toks[end-1].Norm != "," {
		return 0, false
	}
	end--
	floor := 0
	if len(out) > 0 {
		floor = out[len(out)-1].end
	}
	start := end
	for start > floor && end-start < 8 && (isNameWord(lx, toks[start-1]) || toks[start-1].Norm == "-" || toks[start-1].Norm == "." ||
		lx.Words.NameParticles[toks[start-1].Norm] && start-2 >= floor && isNameWord(lx, toks[start-2])) {
		start-- // "Abdullah bin Zayed Al Nahyan": a particle between name words
	}
	for start < end && (!isNameWord(lx, toks[start]) || isHonorific(lx, toks, start)) {
		start++
	}
	if start < end && validName(toks[start:end]) && (start == 0 || !toks[start-1].IsCapitalized() || isHonorific(lx, toks, start-1)) {
		return start, true
	}
	return 0, false
}

func commaLen(toks []text.Token, titleStart int) int {
	n := 1
	if toks[titleStart-1].Norm == "the" {
		n = 2
	}
	return n
}

// isNameWord reports a capitalised word that may belong to a name.
func isNameWord(lx *lexicon.Lexicon, t text.Token) bool {
	// Case first: most words are lower case and need no lookup.
	return t.IsWord() && t.IsCapitalized() && !lx.Words.NotNames[t.Norm]
}

// validName rejects runs that cannot be a name: nothing but initials.
func validName(toks []text.Token) bool {
	for _, t := range toks {
		if t.IsWord() && utf8.RuneCountInString(t.Text) > 2 {
			return true
		}
	}
	return false
}

// namedOfficial makes an official from a name read after or before a title.
func (d *doc) namedOfficial(name []text.Token, state string, t lexicon.Title) *official {
	raw := joinName(name)
	vals, n := d.x.lx.Entities.LongestAt(text.Tokenize(raw), 0, func(_, _ int, e lexicon.Entry) bool { return e.Kind == lexicon.KindPerson })
	if n > 0 {
		var people []int
		for _, v := range vals {
			people = append(people, atoi(v.ID))
		}
		return d.resolvePerson(people, state, t.Office, t.Title)
	}
	if len(name) == 1 {
		if o := d.bySurname(name[0].Text, state, t.Office); o != nil {
			if o.title == "" {
				o.title = t.Title
			}
			return o
		}
	}
	glued := len(name) == 1 && splitGlued(name[0].Text) != ""
	if glued {
		raw = splitGlued(name[0].Text)
	}
	if trimmed := dropMiddleInitials(name); len(trimmed) < len(name) {
		// "Retno L. P. Marsudi" is the Retno Marsudi the table knows.
		return d.namedOfficial(trimmed, state, t)
	}
	return &official{name: displayName(d.x.lx, raw, state, glued || hasUpperFamily(name)), title: t.Title, office: t.Office, state: state}
}
