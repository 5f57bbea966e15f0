package readout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A readout's location is where its meeting took place. Releases say it in
// a dateline ("Tokyo, March 4, 2023 —", read by FindDateline); the helpers
// here decide what reads as a place name.

// maxPlaceWords bounds a place name and each comma-separated part of it:
// "New York", "Clark, Pampanga, Philippines".
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
}

// placeWord strips a word's trailing punctuation and reports whether what
// is left could be part of a place name: capitalised, letters with inner
// dots, hyphens and apostrophes ("D.C.", "Guinea-Bissau", "Côte").
func placeWord(w string) (string, bool) {
	core := strings.TrimRight(w, ",.;:)!?\"”’'")
	if strings.HasSuffix(w, ".") && strings.Count(core, ".") > 0 {
		core += "." // keep the last dot of "D.C."
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
			core, ok := placeWord(words[i])
			if !ok || bodyWords[core] {
				break
			}
			part = append(part, core)
			i++
			if strings.ContainsAny(words[i-1][len(words[i-1])-1:], ",.;:)!?") {
				break
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
	return placeAt(words) == strings.TrimRight(s, ".") || placeAt(words) == s
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
