package lexicon

import (
	"fmt"
	"strings"

	"github.com/biter777/countries"
	"gopkg.in/yaml.v3"
)

// State is a sovereign state.
type State struct {
	Code    string // ISO 3166-1 alpha-2
	Name    string // display name
	Aliases []string
}

// nonSovereign lists ISO 3166-1 entries that are territories or dependencies
// rather than UN members or observer states; the country-data library lists
// every ISO entry and does not say which is which.
var nonSovereign = map[string]bool{
	"AS": true, "AI": true, "AQ": true, "AW": true, "AX": true, "BL": true, "BM": true, "BQ": true,
	"BV": true, "CC": true, "CK": true, "CW": true, "CX": true, "EH": true, "FK": true, "FO": true,
	"GF": true, "GG": true, "GI": true, "GL": true, "GP": true, "GS": true, "GU": true, "HK": true,
	"HM": true, "IM": true, "IO": true, "JE": true, "KY": true, "MF": true, "MO": true, "MP": true,
	"MQ": true, "MS": true, "NC": true, "NF": true, "NU": true, "PF": true, "PM": true, "PN": true,
	"PR": true, "RE": true, "SH": true, "SJ": true, "SX": true, "TC": true, "TF": true, "TK": true,
	"UM": true, "VG": true, "VI": true, "WF": true, "YT": true,
}

func loadStates(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/states.yaml")
	if err != nil {
		return err
	}
	var aliases map[string][]string
	if err := yaml.Unmarshal(raw, &aliases); err != nil {
		return fmt.Errorf("states.yaml: %w", err)
	}
	lx.States = map[string]State{}
	for _, c := range countries.All() {
		code := c.Alpha2()
		if nonSovereign[code] || len(code) != 2 {
			continue
		}
		s := State{Code: code, Name: libraryName(c.String())}
		if extra := aliases[code]; len(extra) > 0 {
			s.Name = extra[0]
			s.Aliases = extra
		}
		s.Aliases = append(s.Aliases, libraryNames(c.String())...)
		lx.States[code] = s
		for _, a := range s.Aliases {
			lx.Entities.Add(a, Entry{Kind: KindState, ID: code, ExactCase: IsAcronym(a)})
		}
	}
	for code := range aliases {
		if _, ok := lx.States[code]; !ok && code != "_none" {
			return fmt.Errorf("states.yaml: %s is not a sovereign state the country library knows", code)
		}
	}
	for _, p := range aliases["_none"] {
		lx.Entities.Add(p, Entry{Kind: KindNone})
	}
	return nil
}

// libraryName is the country library's name without its parenthetical:
// "Iran (Islamic Republic of)" becomes "Iran".
func libraryName(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}

// libraryNames gives the forms of a library name a text may use:
// "Iran (Islamic Republic of)" yields "Iran" and "Islamic Republic of Iran".
func libraryNames(s string) []string {
	base := libraryName(s)
	out := []string{base}
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		inner := s[i+2 : len(s)-1]
		if strings.HasSuffix(inner, " of") {
			out = append(out, inner+" "+base)
		} else {
			out = append(out, inner)
		}
	}
	return out
}

// IsAcronym reports whether a phrase matches only as written: two capitals
// or more, and nothing but capitals, digits, dots and hyphens ("US",
// "G-20", "U.N.").
func IsAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == '-' || (r >= '0' && r <= '9'):
		default:
			return false
		}
	}
	return letters >= 2
}
