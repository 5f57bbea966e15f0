package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
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
	trigs := findTriggers(d.x.lx, s.toks)
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
	d.relateActs(s, trigs, meeting)
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
