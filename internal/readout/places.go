package readout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A readout's location is where its meeting took place. Releases say it in
// a dateline ("Tokyo, March 4, 2023 —", read by FindDateline) or in their
// opening sentences ("met in Tokyo", "on the sidelines of the UN General
// Assembly in New York"); PlaceIn reads the second.

// A place name is up to maxPlaceParts comma-separated parts of up to
// maxPlaceWords words each: "New York", "Clark, Pampanga, Philippines".
const (
	maxPlaceWords = 3
	maxPlaceParts = 3
)

// notPlaceWords open capitalised phrases that are no place: a dateline's
// "Press release", a title after "in" ("in Prime Minister's name").
var notPlaceWords = map[string]bool{
	"the": true, "press": true, "release": true, "readout": true, "statement": true, "news": true,
	"minister": true, "president": true, "secretary": true, "prime": true, "foreign": true,
	"joint": true, "office": true, "ministry": true, "department": true, "government": true,
	"spokesperson": true, "embassy": true, "his": true, "her": true, "their": true, "our": true,
	"today": true, "tomorrow": true, "yesterday": true, "this": true, "that": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "h.e.": true, "sir": true, "dame": true,
	"king": true, "queen": true, "prince": true, "sheikh": true, "general": true,
}

// abbreviations end in a dot without ending a place name: "St. Petersburg".
var abbreviations = map[string]bool{"St.": true, "Mt.": true, "Ft.": true}

// titles that end in a dot and so may look like a sentence's end.
var titleAbbreviations = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "H.E.": true, "Gen.": true, "Amb.": true}

// placeWord strips a word's trailing punctuation and possessive and
// reports whether what is left could be part of a place name: capitalised,
// letters with inner dots, hyphens and apostrophes ("D.C.", "Guinea-Bissau",
// "Côte"). A word it strips ends the name.
func placeWord(w string) (string, bool) {
	core := strings.TrimRight(w, ",.;:)!?\"”’'")
	if strings.HasSuffix(w, ".") && (strings.Count(core, ".") > 0 || abbreviations[w]) {
		core += "." // keep the last dot of "D.C." and "St."
	}
	for _, poss := range []string{"’s", "'s"} {
		core = strings.TrimSuffix(core, poss)
	}
	r, _ := utf8.DecodeRuneInString(core)
	if !unicode.IsUpper(r) {
		return "", false
	}
	for _, c := range core {
		if !unicode.IsLetter(c) && !strings.ContainsRune(".-'’", c) {
			return "", false
		}
	}
	if _, _, ok := monthAt(core, 0); ok || weekdayName(core) != "" {
		return "", false
	}
	return core, true
}

// particles join the words of a place name: "Rio de Janeiro", "Dar es
// Salaam", "Port of Spain".
var particles = map[string]bool{"de": true, "da": true, "do": true, "del": true, "es": true, "al": true, "el": true, "la": true, "of": true}

// bodyWords, in a capitalised phrase, name a body or a meeting, not a
// place: "the United Nations General Assembly", "the Munich Security
// Conference".
var bodyWords = map[string]bool{
	"Nations": true, "Assembly": true, "Council": true, "Conference": true, "Summit": true,
	"Meeting": true, "Forum": true, "Committee": true, "Commission": true, "Organization": true,
	"Organisation": true, "Union": true, "Security": true, "Ministry": true, "Office": true,
	"Document": true, "Convention": true, "Heads": true, "Minister": true, "President": true,
}

// placeAt reads a place name from words: up to maxPlaceWords capitalised
// words, then up to two more comma-separated parts ("Clark, Pampanga,
// Philippines"). A longer run of comma-separated names is a list of states,
// not one place, and only its first name is kept. After "the", a name of
// two words or more joined by "of" is a state's formal name ("the Republic
// of Korea"); one word after "the" ("the Normandy format") is not a place.
func placeAt(words []string) string {
	if len(words) > 0 && words[0] == "the" {
		return formalName(words[1:])
	}
	var parts []string
	i := 0
	for len(parts) < maxPlaceParts+1 && i < len(words) {
		var part []string
		for i < len(words) && len(part) < maxPlaceWords {
			if len(part) > 0 && particles[words[i]] && i+1 < len(words) {
				if next, ok := placeWord(words[i+1]); ok && !bodyWords[next] {
					part = append(part, words[i])
					i++
					continue
				}
			}
			core, ok := placeWord(words[i])
			if !ok || bodyWords[core] {
				break
			}
			part = append(part, core)
			i++
			if core != words[i-1] && !abbreviations[core] {
				break // punctuation or a possessive ends the name
			}
		}
		if len(part) == 0 {
			break
		}
		parts = append(parts, strings.Join(part, " "))
		if !strings.HasSuffix(words[i-1], ",") {
			break
		}
	}
	if len(parts) == 0 || notPlaceWords[strings.ToLower(strings.Fields(parts[0])[0])] && parts[0] != "The Hague" {
		return ""
	}
	if len(parts) > maxPlaceParts {
		return parts[0]
	}
	return strings.Join(parts, ", ")
}

// formalName reads the capitalised words after "the" in a state's formal
// name, "Republic of South Africa", "United States".
func formalName(words []string) string {
	var name []string
	for i, w := range words {
		if w == "of" && len(name) > 0 && i+1 < len(words) {
			name = append(name, w)
			continue
		}
		core, ok := placeWord(w)
		if !ok {
			break
		}
		if bodyWords[core] || len(name) >= 2*maxPlaceWords {
			return ""
		}
		name = append(name, core)
		if core != w {
			break // punctuation ends the name
		}
	}
	if len(name) > 0 && name[len(name)-1] == "of" {
		name = name[:len(name)-1]
	}
	if len(name) < 2 {
		return ""
	}
	return strings.Join(name, " ")
}

// placeLike reports whether s, all of it, reads as a place name.
func placeLike(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	p := placeAt(words)
	return p == s || p == strings.TrimRight(s, ".")
}

// placeName tidies a place as a dateline wrote it, title-casing one in
// capitals: "WASHINGTON" becomes "Washington", and "DC", two letters, is
// left as an abbreviation.
func placeName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(strings.Trim(w, ",.")) < 3 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}

// meetWords, within a few words before "in", say the place that follows
// is where the meeting was: "met in", "talks in", "held a meeting today
// in", "at the foreign ministry in".
var meetWords = map[string]bool{
	"met": true, "meet": true, "meets": true, "meeting": true, "meetings": true, "held": true,
	"talks": true, "arrived": true, "at": true, "visit": true, "visiting": true, "summit": true, "hosted": true,
	"today": true, "tomorrow": true, "yesterday": true, "morning": true, "afternoon": true, "evening": true,
}

// travelWords, followed by "to", bring a place: "a visit to Canberra",
// "travelled to Beijing".
var travelWords = map[string]bool{
	"visit": true, "trip": true, "travelled": true, "traveled": true, "journey": true,
}

// isPerson reports whether the capitalised words at words[i] are an
// official, "visited President X", rather than a place.
func isPerson(words []string, i int) bool {
	core, _ := placeWord(words[i])
	return notPlaceWords[strings.ToLower(core)]
}

// cueReach is how many words before "in" a meeting word may stand.
const cueReach = 4

// sidelinesReach is how many words after "sidelines of" the forum's
// "in <place>" may come: "on the sidelines of the United Nations General
// Assembly in New York".
const sidelinesReach = 15

// proseParagraphs is how many of a readout's opening paragraphs PlaceIn
// reads: the meeting's place is said at once or not at all, and later a
// place is as often that of the next meeting.
const proseParagraphs = 2

// PlaceIn finds where the meeting a readout reports took place from the
// first of its opening sentences that says so, else from its title: "met
// in Tokyo", "held in Geneva", "in Berlin on 4 March", "a visit to
// Canberra", "on the sidelines of the G20 summit in New Delhi". It returns
// "" when they do not say; a sentence about the future is passed over.
func PlaceIn(body string) string {
	lines := strings.Split(body, "\n")
	title := strings.TrimSpace(lines[0])
	if strings.HasSuffix(title, ".") {
		title = "" // the text opens with prose, its title elsewhere
	}
	seen := 0
	for i, para := range lines {
		para = strings.TrimSpace(para)
		if i == 0 && title != "" || len(strings.Fields(para)) < 8 || strings.HasSuffix(para, ":") {
			continue // the title, a date or attribution line
		}
		if p := placeInProse(para); p != "" {
			return p
		}
		if seen++; seen >= proseParagraphs {
			break
		}
	}
	// A title often names the place the text takes as known: "Minister's
	// visit to Paris".
	return placeInProse(title)
}

// placeInProse finds a meeting's place in the first sentence of p that
// gives one and is not about the future.
func placeInProse(p string) string {
	for _, s := range sentences(p) {
		if futureClause(s) {
			continue
		}
		if place := placeInSentence(strings.Fields(s)); place != "" {
			return place
		}
	}
	return ""
}

// sentences splits a paragraph at a full stop and a space before a
// capital, except after an initial or a title ("Mark T. Esper", "Dr.
// Park", "St. Petersburg"); a rarer abbreviation may split one sentence in
// two, which costs little here.
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i+1] == ' ' && isUpper(p[i+2]) && !abbreviationBefore(p[start:i+1]) {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, p[start:])
}

// abbreviationBefore reports whether s ends with an initial or a title
// and its dot.
func abbreviationBefore(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	return len(w) == 2 && isUpper(w[0]) || abbreviations[w] || titleAbbreviations[w]
}

// placeInSentence finds a meeting's place among a sentence's words.
func placeInSentence(words []string) string {
	sidelines := -1
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:()"))
		if lw == "sidelines" && i+1 < len(words) && words[i+1] == "of" {
			sidelines = i
		}
		switch {
		case travelWords[lw] && i+2 < len(words) && words[i+1] == "to":
			if p := placeAt(words[i+2:]); p != "" {
				return p
			}
		case (lw == "visits" || lw == "visited" || lw == "visiting") && i+1 < len(words):
			if p := placeAt(words[i+1:]); p != "" && !isPerson(words, i+1) {
				return p
			}
		case (w == "in" || i == 0 && w == "In") && i+1 < len(words):
			p := placeAt(words[i+1:])
			if p == "" {
				continue
			}
			// "In Hanoi, the ministers met ...": an opening place is the
			// meeting's when the sentence reports one.
			opening := i == 0 && cueBefore(words)
			if opening || sidelines >= 0 && i-sidelines <= sidelinesReach || cueBefore(words[max(0, i-cueReach):i]) || whenAfter(words[i+1:], p) {
				return p
			}
		}
	}
	return ""
}

// cueBefore reports whether words hold a meeting word or a date's day or
// year ("on 4 September 2018 in Putrajaya").
func cueBefore(words []string) bool {
	for _, w := range words {
		w = strings.Trim(w, ",.;:()")
		if meetWords[strings.ToLower(w)] || w != "" && isDigit(w[0]) {
			return true
		}
	}
	return false
}

// whenAfter reports whether the place p, opening words, is followed by
// when the meeting was: "in Berlin on 4 March", "in Hanoi on Monday", "in
// Washington today".
func whenAfter(words []string, p string) bool {
	n := len(strings.Fields(p))
	if n >= len(words) {
		return false
	}
	if w := strings.ToLower(strings.Trim(words[n], ",.;:()")); w == "today" || w == "yesterday" || w == "this" {
		return true
	}
	if n+1 >= len(words) || words[n] != "on" {
		return false
	}
	next := strings.Trim(words[n+1], ",.;:()")
	_, _, month := monthAt(next, 0)
	return next != "" && isDigit(next[0]) || month || weekdayName(next) != ""
}
