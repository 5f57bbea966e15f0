package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/diplograph/diplograph/internal/lexicon"
)

// style writes one readout of a meeting between a and b on date.
type style func(a, b lexicon.Holder, date time.Time) string

func (g *Generator) styles() []style {
	return []style{g.stateDepartment, g.dateline, g.ministryCall, g.jointStatement, g.videoCall}
}

func (g *Generator) stateDepartment(a, b lexicon.Holder, date time.Time) string {
	t := g.topicPhrases(4)
	var s strings.Builder
	fmt.Fprintf(&s, "%s %s's Meeting with %s %s %s\n\nOffice of the Spokesperson\n%s\n\n",
		a.Title, a.Name, g.stateName(b.State), b.Title, b.Name, date.Format("January 2, 2006"))
	fmt.Fprintf(&s, "%s %s met with %s %s %s in %s today. ", g.stateName(a.State), a.Title+" "+a.Name, g.stateName(b.State), b.Title, b.Name, capital(a.State))
	fmt.Fprintf(&s, "The two discussed %s. ", list(t[:2]))
	fmt.Fprintf(&s, "They reaffirmed their commitment to %s.", t[2])
	s.WriteString(g.stance("The two", b.State))
	if g.rng.IntN(3) == 0 {
		fmt.Fprintf(&s, " They did not discuss %s.", t[3])
	}
	s.WriteString("\n")
	return s.String()
}

func (g *Generator) dateline(a, b lexicon.Holder, date time.Time) string {
	t := g.topicPhrases(5)
	var s strings.Builder
	fmt.Fprintf(&s, "%s, %s (%s): %s %s, %s held talks with the %s of %s, %s.\n\n",
		capital(b.State), date.Format("2 January 2006"), g.pick([]string{"APN", "NDW", "DPS"}),
		g.stateName(a.State), a.Title, a.Name, b.Title, g.stateName(b.State), b.Name)
	fmt.Fprintf(&s, "The two sides exchanged views on %s.\n\n", list(t[:3]))
	fmt.Fprintf(&s, "Both sides expressed their commitment to %s and agreed to strengthen cooperation on %s.%s\n", t[3], t[4], g.stance("Both sides", a.State))
	return s.String()
}

func (g *Generator) ministryCall(a, b lexicon.Holder, date time.Time) string {
	t := g.topicPhrases(3)
	var s strings.Builder
	fmt.Fprintf(&s, "%s-%s Telephone Talk\n\n%s\n\n", g.stateName(a.State), g.stateName(b.State), date.Format("January 2, 2006"))
	fmt.Fprintf(&s, "1. On %s, %s, %s of %s, held a telephone talk with %s, %s of %s.\n\n",
		date.Format("January 2"), familyFirst(a.Name), a.Title, g.stateName(a.State), b.Name, b.Title, g.stateName(b.State))
	fmt.Fprintf(&s, "2. The two Ministers exchanged views on %s.\n\n", list(t[:2]))
	fmt.Fprintf(&s, "3. The two Ministers confirmed that they would continue to work closely on %s.\n", t[2])
	return s.String()
}

// members lists the membership of forums the joint statements are set in
// (full members; the EU's as of 2020, NATO's as of 2024).
var members = map[string][]string{
	"QUAD":    {"US", "JP", "IN", "AU"},
	"G7":      {"US", "JP", "GB", "FR", "DE", "IT", "CA"},
	"G20":     {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB", "US"},
	"ASEAN":   {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"},
	"BRICS":   {"BR", "RU", "IN", "CN", "ZA"},
	"AUKUS":   {"AU", "GB", "US"},
	"GCC":     {"SA", "AE", "QA", "KW", "BH", "OM"},
	"SCO":     {"CN", "RU", "IN", "PK", "KZ", "KG", "TJ", "UZ", "IR"},
	"SAARC":   {"AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"},
	"BIMSTEC": {"BD", "BT", "IN", "MM", "NP", "LK", "TH"},
	"IPEF":    {"AU", "BN", "FJ", "IN", "ID", "JP", "KR", "MY", "NZ", "PH", "SG", "TH", "US", "VN"},
	"EU": {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
		"MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"},
	"NATO": {"AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV", "LT", "LU",
		"ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US"},
}

// forumOrder fixes the order shared forums are considered in, so that the
// same seed gives the same corpus.
var forumOrder = []string{"QUAD", "AUKUS", "G7", "GCC", "ASEAN", "BRICS", "SAARC", "BIMSTEC", "SCO", "IPEF", "EU", "NATO", "G20"}

// sharedForum is a forum both states belong to, picked at random among
// those they share, if any.
func (g *Generator) sharedForum(a, b string) string {
	var shared []string
	for _, f := range forumOrder {
		if contains(members[f], a) && contains(members[f], b) {
			shared = append(shared, f)
		}
	}
	if len(shared) == 0 {
		return ""
	}
	return g.pick(shared)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (g *Generator) jointStatement(a, b lexicon.Holder, date time.Time) string {
	id := g.sharedForum(a.State, b.State)
	if id == "" {
		return g.dateline(a, b, date)
	}
	f := g.lx.Forums[id]
	t := g.topicPhrases(4)
	var s strings.Builder
	fmt.Fprintf(&s, "Joint Statement on the Meeting of %s Partners\n\n%s\n\n", f.Name, date.Format("2 January 2006"))
	fmt.Fprintf(&s, "We, the %s countries (%s and %s), met in %s. %s %s and %s %s held talks on the margins of the meeting.\n\n",
		f.Name, g.stateName(a.State), g.stateName(b.State), capital(a.State), a.Title, a.Name, b.Title, b.Name)
	fmt.Fprintf(&s, "We discussed %s. We reaffirmed our commitment to %s. %s was not raised.%s\n", list(t[:2]), t[2], capitalize(t[3]), g.stance("We", b.State))
	return s.String()
}

func (g *Generator) videoCall(a, b lexicon.Holder, date time.Time) string {
	t := g.topicPhrases(3)
	var s strings.Builder
	fmt.Fprintf(&s, "Readout of a video call, %s\n\n", date.Format("2006-01-02"))
	fmt.Fprintf(&s, "%s %s held a video call today with %s, %s's %s. ", a.Title, a.Name, b.Name, g.stateName(b.State), b.Title)
	fmt.Fprintf(&s, "The leaders discussed %s, and pledged to deepen cooperation on %s.\n", list(t[:2]), t[2])
	return s.String()
}

// stance is, in about half the readouts, a sentence of what the sides
// welcomed, condemned or were concerned about, which ingest stores as
// EXPRESSED: who says it, and a state whose situation or capital it may
// name. It starts with a space.
func (g *Generator) stance(who, state string) string {
	switch g.rng.IntN(6) {
	case 0:
		return fmt.Sprintf(" %s welcomed the progress on %s.", who, g.topicPhrases(1)[0])
	case 1:
		return fmt.Sprintf(" %s condemned %s.", who, g.pick([]string{
			"the recent missile launches", "the attacks on civilians", "terrorism in all its forms",
			"the attack on the embassy in " + capital(state), "the seizure of commercial vessels"}))
	case 2:
		return fmt.Sprintf(" %s expressed concern about the situation in %s.", who, g.stateName(g.pick(forumOrderStates())))
	}
	return ""
}

// forumOrderStates are the states the generator names as a situation of
// concern: members of the forums it writes about.
func forumOrderStates() []string {
	var out []string
	for _, f := range forumOrder {
		out = append(out, members[f]...)
	}
	return out
}

// familyFirst writes a name the way East Asian ministries print it:
// family name first, in capitals.
func familyFirst(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return name
	}
	return strings.ToUpper(f[len(f)-1]) + " " + strings.Join(f[:len(f)-1], " ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
