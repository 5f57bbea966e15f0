package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// resolvePerson picks, among the lexicon tenures a name form matches, the
// one that fits the state, office and the readout's date best.
func (d *doc) resolvePerson(people []int, state, office, title string) *official {
	lx := d.x.lx
	best, bestScore := -1, -1
	for _, i := range people {
		h := lx.Officials[i]
		score := 0
		if h.HeldOn(d.r.Date) {
			score += 4
		}
		if state != "" && h.State == state {
			score += 2
		}
		if office != "" && h.Office == office {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	h := lx.Officials[best]
	o := d.holderOfficial(h)
	if title != "" && office != h.Office {
		// The text speaks of another office than the one the table knows
		// this person for: trust the text.
		o.title, o.office = title, office
	}
	if state != "" && state != o.state {
		// What the sentence says of a person wins over the table: "Prime
		// Minister X of New Zealand" represents New Zealand, whatever
		// another holder of the name did.
		o.state, o.forum = state, ""
		if title != "" {
			o.title, o.office = title, office
		}
	}
	return o
}

// holderOfficial makes an official of a table row; an organisation's
// official (state column UN, NATO, ...) represents its forum.
func (d *doc) holderOfficial(h lexicon.Holder) *official {
	o := &official{name: h.Name, title: h.Title, office: h.Office, state: h.State}
	if _, isState := d.x.lx.States[h.State]; !isState {
		if _, isForum := d.x.lx.Forums[h.State]; isForum {
			o.state, o.forum = "", h.State
		}
	}
	return o
}

// bySurname finds a person by surname: first among the officials this
// readout already named, then in the lexicon by state, office and date.
func (d *doc) bySurname(surname, state, office string) *official {
	norm := text.Normalize(surname)
	for _, o := range d.order {
		f := strings.Fields(o.name)
		if len(f) > 0 && (text.Normalize(f[len(f)-1]) == norm || text.Normalize(f[0]) == norm) {
			return o
		}
	}
	var people []int
	for _, i := range d.x.lx.BySurname(surname) {
		h := d.x.lx.Officials[i]
		if h.HeldOn(d.r.Date) && (state == "" || h.State == state) {
			people = append(people, i)
		}
	}
	if len(people) == 0 {
		return nil
	}
	return d.resolvePerson(people, state, office, "")
}

// addOfficial registers an official, merging with one already named.
func (d *doc) addOfficial(o *official, evidence string) *official {
	if o.id == "" {
		o.id = lexicon.OfficialID(o.name)
	}
	if have, ok := d.officials[o.id]; ok {
		if have.state == "" {
			have.state = o.state
		}
		if have.title == "" || (have.office == "minister" && o.office != "minister") {
			have.title, have.office = o.title, o.office
		}
		return have
	}
	o.evidence, o.first = evidence, d.reading
	d.officials[o.id] = o
	d.order = append(d.order, o)
	return o
}

// mergeSurnames folds an official known only by one name ("Foreign
// Minister Kuleba" in a heading) into the official the readout names in
// full elsewhere ("Dmytro Kuleba"), when their states agree.
func (d *doc) mergeSurnames() {
	// byPart lists, for each first or last name, the officials named in
	// full that carry it, in the readout's order.
	byPart := map[string][]*official{}
	for _, p := range d.order {
		f := strings.Fields(p.name)
		if len(f) < 2 {
			continue
		}
		first, last := text.Normalize(f[0]), text.Normalize(f[len(f)-1])
		byPart[last] = append(byPart[last], p)
		if first != last {
			byPart[first] = append(byPart[first], p)
		}
	}
	into := map[*official]*official{}
	for _, o := range d.order {
		if strings.Contains(o.name, " ") {
			continue
		}
		for _, p := range byPart[text.Normalize(o.name)] {
			if o.state != "" && p.state != "" && o.state != p.state {
				continue
			}
			into[o] = p
			break
		}
	}
	if len(into) == 0 {
		return
	}
	for _, s := range d.sentences {
		for i := range s.mentions {
			if p, ok := into[s.mentions[i].off]; ok {
				s.mentions[i].off = p
			}
		}
	}
	kept := d.order[:0]
	for _, o := range d.order {
		if p, ok := into[o]; ok {
			delete(d.officials, o.id)
			if p.title == "" {
				p.title, p.office = o.title, o.office
			}
			continue
		}
		kept = append(kept, o)
	}
	d.order = kept
}

// surnames maps the normalized surname of each official named in full to
// the first one the readout named with it.
func (d *doc) surnames() map[string]*official {
	out := map[string]*official{}
	for _, o := range d.order {
		f := strings.Fields(o.name)
		if len(f) < 2 {
			continue
		}
		if k := text.Normalize(f[len(f)-1]); out[k] == nil {
			out[k] = o
		}
	}
	return out
}

// findSurnames marks bare surnames of officials the readout already named
// ("Blinken and Hayashi agreed ...").
func (d *doc) findSurnames(s *sentence, bySurname map[string]*official) {
	if len(bySurname) == 0 {
		return
	}
	taken := takenTokens(s)
	var added []mention
	for i, t := range s.toks {
		if taken[i] || !isNameWord(d.x.lx, t) {
			continue
		}
		if o, ok := bySurname[t.Norm]; ok {
			added = append(added, mention{kind: mOfficial, start: i, end: i + 1, off: o})
		}
	}
	if len(added) > 0 {
		s.mentions = mergeMentions(s.mentions, added)
	}
}

// takenTokens marks the tokens some mention already covers.
func takenTokens(s *sentence) []bool {
	taken := make([]bool, len(s.toks))
	for _, m := range s.mentions {
		for i := m.start; i < m.end; i++ {
			taken[i] = true
		}
	}
	return taken
}

// findGluedNames catches names whose parts are run together with no title
// before them ("KamikawaYoko met ...") when the lexicon knows the person.
func (d *doc) findGluedNames(s *sentence) {
	taken := takenTokens(s)
	var added []mention
	for i, t := range s.toks {
		if taken[i] {
			continue
		}
		split := splitGlued(t.Text)
		if split == "" {
			continue
		}
		vals, n := d.x.lx.Entities.LongestAt(text.Tokenize(split), 0, func(_, _ int, e lexicon.Entry) bool { return e.Kind == lexicon.KindPerson })
		if n == 0 {
			continue
		}
		var people []int
		for _, v := range vals {
			people = append(people, atoi(v.ID))
		}
		o := d.addOfficial(d.resolvePerson(people, "", "", ""), s.text)
		added = append(added, mention{kind: mOfficial, start: i, end: i + 1, off: o})
	}
	if len(added) > 0 {
		s.mentions = mergeMentions(s.mentions, added)
	}
}

func mergeMentions(a, b []mention) []mention {
	out := make([]mention, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && a[i].start < b[j].start) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
