package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/internal/text"
)

// joinName writes name tokens back as a name: words separated by spaces,
// hyphens and initials' dots attached.
func joinName(toks []text.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Norm != "-" && t.Norm != "." && toks[i-1].Norm != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// splitGlued splits a name whose parts are run together, the way some
// ministries print them ("HayashiYoshimasa" becomes "Hayashi Yoshimasa").
// It returns "" when the word is not glued.
func splitGlued(w string) string {
	rs := []rune(w)
	if len(rs) < 5 || !unicode.IsUpper(rs[0]) {
		return ""
	}
	cut := -1
	for i := 2; i < len(rs)-1; i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) && unicode.IsLower(rs[i+1]) {
			if cut >= 0 {
				return "" // more than two parts: a brand or a camel-cased word
			}
			cut = i
		}
	}
	if cut < 0 {
		return ""
	}
	return string(rs[:cut]) + " " + string(rs[cut:])
}

// hasUpperFamily reports whether a name writes its family name in capitals
// ("HAYASHI Yoshimasa"), as East Asian ministries do.
func hasUpperFamily(toks []text.Token) bool {
	for _, t := range toks {
		if t.IsWord() && t.IsUpper() {
			return true
		}
	}
	return false
}

// displayName makes a canonical display name of a name the text gives:
// capitals folded to title case, and a family-first name given family-last
// unless English usage keeps the state's names family first (the
// lexicon's family-first states; a Japanese name, by contrast, is turned
// round).
func displayName(lx *lexicon.Lexicon, raw, state string, familyFirst bool) string {
	parts := strings.Fields(raw)
	upperAt := -1
	for i, p := range parts {
		if isAllUpper(p) && len([]rune(p)) > 1 {
			parts[i] = titleCase(p)
			upperAt = i
		}
	}
	if familyFirst && len(parts) == 2 && !lx.Words.FamilyFirstStates[state] && (upperAt == 0 || upperAt == -1) {
		parts[0], parts[1] = parts[1], parts[0]
	}
	return strings.Join(parts, " ")
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		start = r == '-' || r == ' '
	}
	return string(rs)
}

// dropMiddleInitials removes initials between the first and last words of
// a name of three or more parts ("Antony J. Blinken"), which people use or
// leave out at will.
func dropMiddleInitials(name []text.Token) []text.Token {
	words := 0
	for _, t := range name {
		if t.IsWord() {
			words++
		}
	}
	if words < 3 {
		return name
	}
	out := []text.Token{name[0]}
	for i := 1; i < len(name)-1; i++ {
		t := name[i]
		// An initial is one letter ("J", "J."), or two in capitals with a
		// dot ("J.R."); "Al", "El" and "Da" are parts of the name.
		letters := len([]rune(strings.ReplaceAll(t.Text, ".", "")))
		dotted := strings.Contains(t.Text, ".") || i+1 < len(name) && name[i+1].Norm == "."
		isInitial := t.IsWord() && t.IsCapitalized() && (letters == 1 || letters == 2 && dotted && t.IsUpper())
		if isInitial || (t.Norm == "." && len(out) > 0 && out[len(out)-1].Norm != "." && i > 0 && isInitialText(name[i-1].Text)) {
			continue
		}
		out = append(out, t)
	}
	return append(out, name[len(name)-1])
}

func isInitialText(s string) bool {
	return len([]rune(strings.ReplaceAll(s, ".", ""))) <= 2
}
