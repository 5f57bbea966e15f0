package extract

import (
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// memberNouns follow a forum's name to introduce its members: "the Quad
// countries (US, Japan, India and Australia)".
var memberNouns = map[string]bool{
	"countries": true, "members": true, "member": true, "partners": true, "nations": true, "states": true,
	"economies": true, "allies": true,
}

// relateMembership reads MEMBER_OF facts a sentence states outright:
//
//	<Forum> countries (<State>, <State> and <State>)
//	<Forum> members <State>, <State> and <State>
//	fellow <Forum> member <State>
//	<State>, <State> and <State>, as members of <Forum>
func (d *doc) relateMembership(s *sentence) {
	ms := s.mentions
	for k, m := range ms {
		if m.kind != mForum {
			continue
		}
		var states []string
		switch {
		case nounAfter(s.toks, m.end):
			states = statesListAt(s.toks, ms, k+1, skipNoun(s.toks, m.end))
		case memberOfBefore(s.toks, m.start):
			states = statesListBefore(s.toks, ms, k, m.start)
		}
		for _, st := range states {
			d.addEdge(schema.MemberOf, schema.Key(schema.State, st), schema.Key(schema.Forum, m.id), s.text, nil)
		}
	}
}

func nounAfter(toks []text.Token, i int) bool {
	return i < len(toks) && memberNouns[toks[i].Norm]
}

// skipNoun steps over the member noun ("member states", "countries").
func skipNoun(toks []text.Token, i int) int {
	for i < len(toks) && memberNouns[toks[i].Norm] {
		i++
	}
	return i
}

// statesListAt reads a list of states starting at token i, in brackets or
// not: only states, commas, "and" and "the" may stand in it.
func statesListAt(toks []text.Token, ms []mention, k, i int) []string {
	bracketed := i < len(toks) && toks[i].Norm == "("
	if bracketed {
		i++
	}
	var out []string
	for ; k < len(ms) && ms[k].start < i; k++ {
	}
	for i < len(toks) {
		if k < len(ms) && ms[k].start == i && ms[k].kind == mState {
			out = append(out, ms[k].id)
			i = ms[k].end
			k++
			continue
		}
		switch toks[i].Norm {
		case ",", "and", "the", "&":
			i++
			continue
		case ")":
			if bracketed {
				return out
			}
		}
		break
	}
	if bracketed {
		return nil // an unclosed bracket holds something else
	}
	return out
}

// memberOfBefore reports "members of [the]" or "member states of" just
// before a forum mention.
func memberOfBefore(toks []text.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 1 || toks[j].Norm != "of" {
		return false
	}
	return memberNouns[toks[j-1].Norm]
}

// statesListBefore reads the list of states that a "members of" phrase at
// forum mention ms[k] describes: the run of states ending just before
// "as members of", or before "are members of".
func statesListBefore(toks []text.Token, ms []mention, k, forumStart int) []string {
	i := forumStart - 1
	for i >= 0 && toks[i].Norm != "as" && toks[i].Norm != "are" && toks[i].Norm != "is" && toks[i].Norm != "," && toks[i].Norm != "fellow" {
		if toks[i].Norm != "members" && toks[i].Norm != "member" && toks[i].Norm != "of" && toks[i].Norm != "the" && toks[i].Norm != "states" {
			return nil
		}
		i--
	}
	for i >= 0 && (toks[i].Norm == "as" || toks[i].Norm == "are" || toks[i].Norm == "is" || toks[i].Norm == ",") {
		i--
	}
	var out []string
	for j := k - 1; j >= 0; j-- {
		m := ms[j]
		if m.end-1 != i || m.kind != mState {
			break
		}
		out = append(out, m.id)
		i = m.start - 1
		for i >= 0 && (toks[i].Norm == "," || toks[i].Norm == "and" || toks[i].Norm == "the") {
			i--
		}
	}
	return out
}
