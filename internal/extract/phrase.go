package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// item is one thing a speech act is about: a token span of its sentence
// and the phrase that names it, in the readout's words (an infinitive's
// head turned to a gerund: "agreed to stay in close touch" is about
// "staying in close touch").
type item struct {
	start, end int
	phrase     string
}

// maxObjectTokens bounds an object: past it, a run is no longer one thing.
const maxObjectTokens = 48

// objectSpan finds the tokens the trigger trigs[i] governs: after it up to
// the end of its clause, or, for a passive ("the conflict was also
// discussed"), before it back to the start of its clause.
func objectSpan(lx *lexicon.Lexicon, s *sentence, trigs []trigger, i int) (int, int, bool) {
	t, toks := trigs[i], s.toks
	if aux, ok := passiveAt(toks, t.at); ok {
		from := aux
		for from > 0 && !clauseBreak(toks[from-1].Norm) {
			from--
		}
		return from, aux, aux > from
	}
	j := t.end
	if j < len(toks) && toks[j].Norm == "with" {
		// "exchanged views with the Minister on regional issues"
		k := j + 1
		for k < len(toks) && k < j+16 && !isObjectPreposition(toks[k].Norm) {
			k++
		}
		if k >= len(toks) || !isObjectPreposition(toks[k].Norm) {
			return 0, 0, false
		}
		j = k + 1
	}
	end := j
	for end < len(toks) && end-j < maxObjectTokens && !endsObject(lx, s, trigs, j, end) {
		end++
	}
	return j, end, end > j
}

func isObjectPreposition(w string) bool {
	return w == "on" || w == "about" || w == "regarding" || w == "over"
}

func clauseBreak(w string) bool {
	return w == "," || w == ";" || w == ":" || w == "."
}

// endsObject reports whether token k, inside an object begun at from, ends it.
func endsObject(lx *lexicon.Lexicon, s *sentence, trigs []trigger, from, k int) bool {
	toks := s.toks
	w := toks[k].Norm
	switch w {
	case ".", ";", ":", "?", "!", "while", "whereas", "during":
		return true
	case "but":
		return k+1 >= len(toks) || toks[k+1].Norm != "also" // "X, but also Y" goes on: another item
	case "with":
		return k > from && mentionAt(s, k+1, mOfficial, mRole, mGroup, mSelf)
	case "following", "on", "at", "in", "over", "by":
		return k > from && (sidelinesAt(toks, k) || meetingNounAfter(toks, k) || dateAfter(lx, toks, k) || occasionAt(toks, k))
	case "ahead":
		// "ahead of the anniversary": when; "ahead of COP29" names the occasion
		return k > from && k+2 < len(toks) && toks[k+1].Norm == "of" && toks[k+2].Norm == "the"
	}
	prev := ""
	if k > 0 {
		prev = toks[k-1].Norm
	}
	if w == "," || w == "and" {
		next := k + 1
		if w == "," && next < len(toks) && toks[next].Norm == "and" {
			next++
		}
		if next < len(toks) && (toks[next].Norm == "which" || toks[next].Norm == "who" || toks[next].Norm == "where") {
			return true
		}
		// A new predicate: "discussed X and agreed to Y", ", and they ...".
		if tr := triggerAt(s, trigs, next); tr != nil && tr.kind != tMeet {
			return true
		}
		return subjectStartsAt(s, next) && !betweenOpen(toks, from, k)
	}
	_ = prev
	return false
}

// sidelinesAt reports "on the sidelines of", "in a telephone call": where
// the meeting was, not what it was about.
func sidelinesAt(toks []text.Token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		switch toks[j].Norm {
		case "sidelines", "margins", "margin", "sideline":
			return true
		}
	}
	return false
}

func meetingNounAfter(toks []text.Token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		switch toks[j].Norm {
		case "call", "meeting", "talks", "conversation", "videoconference", "phone", "telephone":
			return true
		}
	}
	return false
}

func triggerAt(s *sentence, trigs []trigger, i int) *trigger {
	if i < 0 || i >= len(s.toks) || s.idx.trigAt[i] < 0 {
		return nil
	}
	return &trigs[s.idx.trigAt[i]]
}

// subjectStartsAt reports whether a new clause's subject begins at token i:
// a person, role, group or state followed, soon, by a verb.
func subjectStartsAt(s *sentence, i int) bool {
	return mentionAt(s, i, mOfficial, mRole, mGroup, mSelf)
}

// mentionAt reports whether a mention of one of kinds starts at token i
// (or after "the").
func mentionAt(s *sentence, i int, kinds ...mentionKind) bool {
	m, ok := s.mentionStarting(i)
	if !ok {
		return false
	}
	for _, k := range kinds {
		if m.kind == k {
			return true
		}
	}
	return false
}

// splitItems turns an object span into its items: framing dropped, a
// list after a vague head ("issues of global concern, including A and B")
// and coordinated verb phrases ("deconflicting X, reducing Y and creating
// Z") split, each item's verb head made a gerund.
func splitItems(lx *lexicon.Lexicon, s *sentence, from, to int, infinitive bool) []item {
	toks := s.toks
	from = skipFraming(lx, s, from, to)
	if from >= to {
		return nil
	}
	if i, ok := leadingAddressee(s, from, to); ok {
		from = i // "thanked Italy for its leadership": the leadership
	} else if !ok && i < 0 {
		return nil
	}
	to = trimObject(lx, toks, from, to)
	if toks[from].Norm == "that" {
		// "agreed that energy security and the transition must go hand in
		// hand": a clause, one assessment.
		if b := trimObject(lx, toks, from, to); b > from && !emptyItem(lx, s, from, b) {
			return []item{{start: from, end: b, phrase: phraseText(lx, s, from, b, false)}}
		}
		return nil
	}
	var conjuncts [][2]int
	for _, part := range butAlso(toks, from, to) {
		conjuncts = append(conjuncts, verbConjuncts(lx, toks, part[0], part[1], infinitive)...)
	}
	var spans [][2]int
	for _, c := range conjuncts {
		if head, list, ok := vagueList(lx, toks, c[0], c[1]); ok {
			spans = append(spans, head)
			spans = append(spans, listItems(s, list[0], list[1])...)
			continue
		}
		if list, ok := determinedList(lx, s, c[0], c[1]); ok {
			spans = append(spans, list...)
			continue
		}
		c[1] = cutAside(lx, s.toks, c[0], c[1])
		if list, ok := topLevelList(lx, s, c[0], c[1]); ok {
			spans = append(spans, list...)
			continue
		}
		spans = append(spans, nounConjuncts(lx, s, c[0], c[1])...)
	}
	var out []item
	for _, sp := range spans {
		a, b := sp[0], trimObject(lx, toks, sp[0], sp[1])
		if b <= a || emptyItem(lx, s, a, b) || whenOnly(lx, toks, a, b) {
			continue
		}
		out = append(out, item{start: a, end: b, phrase: phraseText(lx, s, a, b, infinitive)})
	}
	return out
}

// skipFraming steps over the framing words that open an object.
func skipFraming(lx *lexicon.Lexicon, s *sentence, from, to int) int {
	for from < to {
		_, n := lx.Object.Framing.LongestAt(s.toks[:to], from, nil)
		if n == 0 {
			return from
		}
		from += n
	}
	return from
}

// leadingAddressee handles an object that starts with a person or state:
// "congratulated Italy for its leadership" is about the leadership; with
// nothing after "for" or "on", the act was done to someone and names no
// subject matter (index -1).
func leadingAddressee(s *sentence, from, to int) (int, bool) {
	if m, ok := s.mentionStarting(from); ok {
		switch m.kind {
		case mOfficial, mRole, mGroup, mSelf:
		case mState:
			if m.end >= to || s.toks[m.end].Norm != "for" && s.toks[m.end].Norm != "on" {
				return 0, false // "discussed Myanmar", "Canada's support": the state is the matter
			}
		default:
			return 0, false
		}
		j := m.end
		for j < to && j < m.end+4 && s.toks[j].Norm != "for" && s.toks[j].Norm != "on" {
			j++
		}
		if j < to-1 && (s.toks[j].Norm == "for" || s.toks[j].Norm == "on") {
			return j + 1, true
		}
		return -1, false
	}
	return 0, false
}

// trimObject drops what cannot end a phrase: commas, conjunctions,
// prepositions and articles left at its end.
func trimObject(lx *lexicon.Lexicon, toks []text.Token, from, to int) int {
	for to > from {
		switch toks[to-1].Norm {
		case ",", "and", "or", "the", "a", "an", "of", "to", "for", "in", "on", "also", "as", "with", "-", "(", "by", "their", "its", "our":
			to--
			continue
		}
		break
	}
	return to
}

// vagueList finds "<vague head>, including|such as <list>": it returns the
// head's span and the list's.
func vagueList(lx *lexicon.Lexicon, toks []text.Token, from, to int) ([2]int, [2]int, bool) {
	for k := from + 1; k < to; k++ {
		w := toks[k].Norm
		n := 0
		switch {
		case w == "including" || w == "notably":
			n = 1
		case w == "such" && k+1 < to && toks[k+1].Norm == "as":
			n = 2
		case w == "in" && k+1 < to && toks[k+1].Norm == "particular":
			n = 2
		}
		if n == 0 {
			continue
		}
		headEnd := k
		if toks[headEnd-1].Norm == "," {
			headEnd--
		}
		if !headIsVague(lx, toks, from, headEnd) || k+n >= to {
			return [2]int{}, [2]int{}, false
		}
		return [2]int{from, headEnd}, [2]int{k + n, to}, true
	}
	return [2]int{}, [2]int{}, false
}

// headIsVague reports whether a head's noun (its first noun before "of",
// "between", "facing") is a general one such as "issues".
func headIsVague(lx *lexicon.Lexicon, toks []text.Token, from, to int) bool {
	for k := from; k < to && k < from+5; k++ {
		if lx.Object.VagueHeads[toks[k].Norm] {
			return true
		}
		switch toks[k].Norm {
		case "of", "between", "facing", "in", "on", "and", ",", "to":
			return false
		}
	}
	return false
}

// nounConjuncts splits "A and the B" where both sides are phrases of their
// own: "current security challenges and preparations for the summit", "the
// historic ties between the two countries and ways of strengthening them".
// A list inside one phrase ("between Singapore and Germany", "free trade,
// multilateralism and a rules-based order") has no article or head noun of
// its own after "and", or is too short to stand alone.
func nounConjuncts(lx *lexicon.Lexicon, s *sentence, from, to int) [][2]int {
	toks := s.toks
	var out [][2]int
	start, depth := from, 0
	for k := from + 1; k < to-1; k++ {
		switch toks[k].Norm {
		case "(":
			depth++
		case ")":
			depth--
		case "and":
			if depth > 0 || toks[k-1].Norm == "," {
				continue
			}
			if betweenOpen(toks, start, k) || hasComma(toks, start, k) {
				continue // "between the EU and the US"; "free trade, multilateralism and a rules-based order"
			}
			if contentWords(lx, toks, start, k) >= 2 && opensPhrase(lx, toks, start, k) && contentWords(lx, toks, k+1, to) >= 2 {
				out = append(out, [2]int{start, k})
				start = k + 1
			}
		}
	}
	return append(out, [2]int{start, to})
}

// opensPhrase reports whether the "and" at token k starts a phrase of its
// own: "ways of ...", "how to ...", "preparations for ...", or any article
// after a vague first item ("a number of issues of mutual concern and the
// latest developments").
func opensPhrase(lx *lexicon.Lexicon, toks []text.Token, start, k int) bool {
	switch toks[k+1].Norm {
	case "ways", "how", "preparations", "issues", "matters", "the", "a", "an", "its", "their":
		return true
	}
	return k+2 < len(toks) && toks[k+2].Norm == "'s" // "and Russia's military buildup"
}

// betweenOpen reports a "between" in [from, k) not yet joined by "and".
func betweenOpen(toks []text.Token, from, k int) bool {
	open := false
	for j := from; j < k; j++ {
		switch toks[j].Norm {
		case "between":
			open = true
		case "and":
			open = false
		}
	}
	return open
}

func contentWords(lx *lexicon.Lexicon, toks []text.Token, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if toks[k].IsWord() && !lx.Object.Empty[toks[k].Norm] && len(toks[k].Norm) > 2 {
			n++
		}
	}
	return n
}

// listItems splits a list at its commas and "and" / "as well as"; a part
// that is only a state ("Xinjiang, China") belongs to the part before it.
func listItems(s *sentence, from, to int) [][2]int {
	toks := s.toks
	var out [][2]int
	start := from
	flush := func(end int) {
		if end > start {
			if len(out) > 0 && onlyEntities(s, start, end) {
				out[len(out)-1][1] = end
			} else {
				out = append(out, [2]int{start, end})
			}
		}
	}
	depth := 0
	for k := from; k < to; k++ {
		switch w := toks[k].Norm; {
		case w == "(":
			depth++
		case w == ")":
			depth--
		case depth > 0:
		case w == "," || w == "and" || w == "or":
			flush(k)
			start = k + 1
		case w == "as" && k+2 < to && toks[k+1].Norm == "well" && toks[k+2].Norm == "as":
			flush(k)
			k += 2
			start = k + 1
		}
	}
	flush(to)
	for i := range out {
		for out[i][0] < out[i][1] && (toks[out[i][0]].Norm == "and" || toks[out[i][0]].Norm == ",") {
			out[i][0]++
		}
	}
	return out
}

// verbConjuncts splits coordinated verb phrases when the object is one:
// "deconflicting X, reducing Y, and creating Z"; "support X and deepen Y,
// and to enhance Z". Coordinated nouns stay together: "free trade,
// multilateralism and a rules-based order" is one commitment.
func verbConjuncts(lx *lexicon.Lexicon, toks []text.Token, from, to int, infinitive bool) [][2]int {
	form := verbForm(lx, toks, from, to, infinitive)
	if form == "" {
		form = "infinitive" // only "and to deepen ..." starts a new item
	}
	var out [][2]int
	start := from
	depth := 0
	for k := from + 1; k < to; k++ {
		w := toks[k].Norm
		switch {
		case w == "(":
			depth++
		case w == ")":
			depth--
		case depth == 0 && (w == "," || w == "and"):
			next := k + 1
			for next < to && (toks[next].Norm == "and" || toks[next].Norm == "to") {
				next++
			}
			if next < to && next > k && sameVerbForm(lx, toks, next, form) {
				out = append(out, [2]int{start, k})
				start = k + 1
				k = next
			}
		}
	}
	return append(out, [2]int{start, to})
}

// verbForm says whether an object opens with a verb: "gerund" (reducing),
// "base" (support, after "to" or an infinitive trigger), or "" for a noun
// phrase.
func verbForm(lx *lexicon.Lexicon, toks []text.Token, from, to int, infinitive bool) string {
	if from+1 < to && isAdverb(toks[from].Norm) {
		from++ // "to jointly propel"
	}
	w := toks[from].Norm
	if w == "to" && from+1 < to {
		if _, ok := lx.Gerund(toks[from+1].Norm); ok {
			return "base"
		}
	}
	if _, ok := lx.Gerund(w); ok && (infinitive || from > 0 && toks[from-1].Norm == "to") {
		return "base"
	}
	if isGerund(lx, w) {
		return "gerund"
	}
	return ""
}

func sameVerbForm(lx *lexicon.Lexicon, toks []text.Token, k int, form string) bool {
	w := toks[k].Norm
	switch form {
	case "gerund":
		return isGerund(lx, w)
	case "infinitive":
		_, ok := lx.Gerund(w)
		return ok && k > 0 && toks[k-1].Norm == "to"
	}
	_, ok := lx.Gerund(w)
	return ok && (k+1 >= len(toks) || toks[k+1].Norm != "for" && toks[k+1].Norm != "of")
}

// isGerund reports a verb's -ing form.
func isGerund(lx *lexicon.Lexicon, w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !lx.Words.NotGerunds[w]
}

// emptyItem reports an item that names nothing: only empty words, or only
// a person.
func emptyItem(lx *lexicon.Lexicon, s *sentence, from, to int) bool {
	content := 0
	for k := from; k < to; k++ {
		t := s.toks[k]
		if t.IsWord() && !lx.Object.Empty[t.Norm] {
			content++
		}
	}
	if content == 0 {
		return true
	}
	if k := s.idx.cover[from]; k >= 0 {
		m := s.mentions[k]
		return m.end >= to && (m.kind == mOfficial || m.kind == mRole || m.kind == mGroup || m.kind == mSelf)
	}
	return false
}

// phraseText writes an item as the sentence words it, with an infinitive's
// "to" dropped and its verb made a gerund.
func phraseText(lx *lexicon.Lexicon, s *sentence, from, to int, infinitive bool) string {
	toks := s.toks
	for from < to-1 && (toks[from].Norm == "and" || toks[from].Norm == ",") {
		from++
	}
	if toks[from].Norm == "to" && from+1 < to {
		if _, ok := lx.Gerund(toks[from+1].Norm); ok {
			from++
			infinitive = true
		}
	}
	rest := s.text[toks[from].Start:toks[to-1].End]
	head := from
	if head+1 < to && isAdverb(toks[head].Norm) {
		head++ // "jointly propelling"
	}
	g, ok := lx.Gerund(toks[head].Norm)
	if !ok || !(infinitive || (head > 0 && (toks[head-1].Norm == "to" || toks[head-1].Norm == "and" || toks[head-1].Norm == ",")) || head > from) {
		return singleSpaced(rest)
	}
	rest = s.text[toks[from].Start:toks[head].Start] + g + s.text[toks[head].End:toks[to-1].End]
	return singleSpaced(rest)
}

// singleSpaced is s with its white space runs made single spaces and its
// ends trimmed, as strings.Fields and a join would make it; s itself when
// it already is, as most phrases are.
func singleSpaced(s string) string {
	prevSpace := true // no space may open s
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c != ' ' && asciiSpace(c)) || (c == ' ' && prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = c == ' '
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

func asciiSpace(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') }

// onlyEntities reports whether every token of [start, end) is part of a
// state or forum name.
func onlyEntities(s *sentence, start, end int) bool {
	for i := start; i < end; i++ {
		k := s.idx.cover[i]
		if k < 0 {
			return false
		}
		if m := s.mentions[k]; (m.kind != mState && m.kind != mForum) || m.start < start || m.end > end {
			return false
		}
	}
	return end > start
}

// dateAfter reports "on 6 January", "on Tuesday": when, not what.
func dateAfter(lx *lexicon.Lexicon, toks []text.Token, k int) bool {
	if toks[k].Norm != "on" || k+1 >= len(toks) {
		return false
	}
	w := toks[k+1].Norm
	return lx.Words.DateWords[w] || (w != "" && w[0] >= '0' && w[0] <= '9')
}

// topLevelList splits an object that is itself a list of three or more
// phrases, its first comma before any preposition: "transatlantic
// relations, the common challenge of terrorism, relations with Russia and
// the main crises". A list inside a phrase ("the commitment to free trade,
// multilateralism and a rules-based order") stays one item. "X, but also
// Y" is two.
func topLevelList(lx *lexicon.Lexicon, s *sentence, from, to int) ([][2]int, bool) {
	toks := s.toks
	commas := 0
	for k := from; k < to; k++ {
		switch toks[k].Norm {
		case ",":
			commas++
		case "of", "for", "to", "on", "in", "with", "between", "about", "such", "including", "from", "at", "by":
			if commas == 0 {
				return nil, false
			}
		}
	}
	if commas < 2 {
		return nil, false
	}
	items := listItems(s, from, to)
	// a part that opens with a preposition ("from Ukraine to Syria") belongs to the one before
	var out [][2]int
	for _, it := range items {
		if len(out) > 0 && it[0] < to && isPreposition(lx, toks[it[0]].Norm) {
			out[len(out)-1][1] = it[1]
			continue
		}
		if toks[it[0]].Norm == "as" || toks[it[0]].Norm == "both" || isAdverb(toks[it[0]].Norm) ||
			words(toks, it[0], it[1]) < 2 && !toks[it[0]].IsCapitalized() {
			return nil, false // "as equal partners", "a stable, rules-based order": not a list of things
		}
		out = append(out, it)
	}
	return out, len(out) >= 3
}

// butAlso splits an object where the text itself marks a second thing:
// "X, but also Y", "X, as well as Y", "on X and on Y".
func butAlso(toks []text.Token, from, to int) [][2]int {
	for k := from + 1; k < to-1; k++ {
		n := 0
		switch {
		case toks[k].Norm == "but" && toks[k+1].Norm == "also":
			n = 2
		case toks[k].Norm == "as" && k+2 < to && toks[k+1].Norm == "well" && toks[k+2].Norm == "as":
			n = 3
		case toks[k].Norm == "and" && (toks[k+1].Norm == "on" || toks[k+1].Norm == "about" || toks[k+1].Norm == "for"):
			n = 2
		case toks[k].Norm == "and" && toks[k+1].Norm == "to" && k+2 < to && opensNounPhrase(toks, k+2):
			n = 2 // "committed to ASEAN centrality and to a region where ..."
		}
		if n == 0 {
			continue
		}
		end := k
		if end > from && toks[end-1].Norm == "," {
			end--
		}
		return append([][2]int{{from, end}}, butAlso(toks, k+n, to)...)
	}
	return [][2]int{{from, to}}
}

func isPreposition(lx *lexicon.Lexicon, w string) bool {
	return lx.Words.Prepositions[w]
}

func isAdverb(w string) bool {
	if w == "further" || w == "also" || w == "together" || w == "again" {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "early" && w != "family" && w != "italy"
}

// determinedList splits a comma list of three or more phrases each of which
// after the first opens as a noun phrase of its own does, with an article,
// a possessive or a name: "the DPRK's cooperation with Russia, the
// deployment of its soldiers, and Pyongyang's missile launches". Bare
// nouns after the commas ("free trade, multilateralism and a rules-based
// order", "freedom, democracy, and respect for human rights") are one
// phrase's list and stay together.
func determinedList(lx *lexicon.Lexicon, s *sentence, from, to int) ([][2]int, bool) {
	items := commaItems(s, from, to)
	if len(items) < 3 {
		return nil, false
	}
	for _, it := range items[1:] {
		// Each later item a phrase of two words or more, as "the situation
		// in the Middle East, preparations for the consultations, and energy
		// cooperation" has; "free trade, multilateralism and ..." has not.
		w := s.toks[it[0]].Norm
		if words(s.toks, it[0], it[1]) < 2 || isAdverb(w) || isPreposition(lx, w) || asideWords[w] {
			return nil, false
		}
		if _, verb := lx.Gerund(w); verb {
			return nil, false // "to strengthen their relationship, build resilience, ...": one purpose
		}
	}
	return items, true
}

func opensNounPhrase(toks []text.Token, i int) bool {
	switch toks[i].Norm {
	case "the", "a", "an", "its", "their", "our":
		return true
	}
	if i+1 < len(toks) && toks[i+1].Norm == "'s" {
		return true
	}
	return toks[i].IsCapitalized()
}

// commaItems splits a span at its top-level commas only: "between A and B"
// and "A and B" inside an item stay whole.
func commaItems(s *sentence, from, to int) [][2]int {
	toks := s.toks
	var out [][2]int
	start, depth := from, 0
	for k := from; k < to; k++ {
		switch toks[k].Norm {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 {
				if k > start {
					out = append(out, [2]int{start, k})
				}
				start = k + 1
				if start < to && toks[start].Norm == "and" {
					start++
				}
			}
		}
	}
	if to > start {
		out = append(out, [2]int{start, to})
	}
	return out
}

// cutAside drops an aside after a specific head: "strengthening security
// cooperation, including the sharing of warning data" is about
// strengthening security cooperation ("including on ..." qualifies the
// head and stays; a vague head's list was split before).
func cutAside(lx *lexicon.Lexicon, toks []text.Token, from, to int) int {
	for k := from + 2; k < to-1; k++ {
		if toks[k-1].Norm != "," {
			continue
		}
		switch {
		case toks[k].Norm == "including" || toks[k].Norm == "notably" || toks[k].Norm == "particularly" || toks[k].Norm == "especially",
			toks[k].Norm == "in" && toks[k+1].Norm == "particular":
			if isPreposition(lx, toks[k+1].Norm) && toks[k+1].Norm != "in" {
				return to
			}
			return k - 1
		}
	}
	return to
}

func hasComma(toks []text.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].Norm == "," {
			return true
		}
	}
	return false
}

// words counts the words of a span, a hyphenated compound as one
// ("rules-based" is one word, an adjective, not a phrase).
func words(toks []text.Token, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if toks[k].IsWord() && (k == from || toks[k-1].Norm != "-") {
			n++
		}
	}
	return n
}

// occasionAt reports "on the occasion of": when, not what.
func occasionAt(toks []text.Token, k int) bool {
	return toks[k].Norm == "on" && k+2 < len(toks) && toks[k+1].Norm == "the" && toks[k+2].Norm == "occasion"
}

// whenOnly reports an item that only says when: "in 2007", "since May".
func whenOnly(lx *lexicon.Lexicon, toks []text.Token, from, to int) bool {
	switch toks[from].Norm {
	case "in", "since", "during", "before", "after", "until", "by", "from":
	default:
		return false
	}
	if from+1 >= to {
		return true
	}
	w := toks[from+1].Norm
	return lx.Words.DateWords[w] || w != "" && w[0] >= '0' && w[0] <= '9'
}

// asideWords open an aside, not an item of a list.
var asideWords = map[string]bool{"including": true, "such": true, "notably": true, "especially": true, "particularly": true}
