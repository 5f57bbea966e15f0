package extract

import (
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
)

// findHome guesses the state whose government published the readout: one
// whose release cue (the lexicon's) it carries, else the state of the first official it names.
// An unqualified role ("the Secretary") that no participant fills is looked
// up in that state.
func (d *doc) findHome() {
	for _, c := range d.x.lx.ReleaseCues {
		if strings.Contains(d.r.Body, c.Phrase) {
			d.home = c.State
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
	s.buildIndex(d.x.lx, trigs, d.indexLookups(len(s.toks)))
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
	qualifier := state
	if qualifier == "" {
		qualifier = t.State // "the High Representative" is the EU's
	}
	match := func(pool []*official) *official {
		var found *official
		for _, o := range pool {
			if !roleFits(t, qualifier, o) {
				continue
			}
			if found != nil && found != o {
				// Two participants hold the office; the one whose title has
				// the role's word is meant: "the Secretary and the Foreign
				// Minister" are the Secretary of State and the Foreign Minister.
				return byHead(t, pool, qualifier)
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
	return d.addOfficial(d.holderOfficial(h), "")
}

// resolveGenericRole handles a bare title head ("the Secretary") in a
// readout whose home state gives the word one meaning, as the lexicon's
// bare heads say: a US readout's Secretary is its Secretary of State.
func (d *doc) resolveGenericRole(t lexicon.Title, state string) *official {
	office, ok := d.x.lx.BareHeadOffice(state, t.Head)
	if !ok || d.r.Date == "" {
		return nil
	}
	holders := d.x.lx.OfficeHolders(state, office, d.r.Date)
	if len(holders) != 1 {
		return nil
	}
	h := holders[0]
	return d.addOfficial(d.holderOfficial(h), "")
}

func isGenericOffice(office string) bool {
	return office == "minister" || office == "secretary"
}

// roleFits reports whether an official can be the one a role mention means.
// byHead is the one official of pool whose title holds the role's head
// word, or nil when none or several do.
func byHead(t lexicon.Title, pool []*official, qualifier string) *official {
	var found *official
	for _, o := range pool {
		if !roleFits(t, qualifier, o) || t.Head == "" || !strings.Contains(strings.ToLower(o.title), strings.ToLower(t.Head)) {
			continue
		}
		if found != nil && found != o {
			return nil
		}
		found = o
	}
	return found
}

func roleFits(t lexicon.Title, state string, o *official) bool {
	if state != "" && o.state != state && o.forum != state {
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
	if len(d.order) > maxParticipants {
		return nil // so many people are no one meeting's participants
	}
	return d.order
}
