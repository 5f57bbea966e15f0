package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/lexicon"
)

// withOfficials resolves the known people a sentence's mentions name to
// officials, as the officials stage would for a name the table knows.
func withOfficials(lx *lexicon.Lexicon, s *sentence) *sentence {
	for i, m := range s.mentions {
		if m.kind == mOfficial && len(m.people) > 0 {
			h := lx.Officials[m.people[0]]
			s.mentions[i].off = &official{id: lexicon.OfficialID(h.Name), name: h.Name, state: h.State}
		}
	}
	return s
}

func TestSubjects(t *testing.T) {
	lx := lexicon.MustDefault()
	wong := &official{id: "penny-wong", state: "AU"}
	peters := &official{id: "winston-peters", state: "NZ"}
	meeting := []*official{wong, peters}
	cases := []struct {
		name     string
		sentence string
		act      string // the act's word
		meeting  []*official
		c        speakerContext
		want     []string
	}{
		{"a named speaker speaks alone", "Penny Wong reaffirmed support for the Pacific.", "reaffirmed", meeting, speakerContext{},
			[]string{"Official:penny-wong"}},
		{"a group is the meeting", "Both sides reaffirmed support for the Pacific.", "reaffirmed", meeting, speakerContext{},
			[]string{"Official:penny-wong", "Official:winston-peters"}},
		{"states joined by and", "Japan and Canada reaffirmed support for the Pacific.", "reaffirmed", nil, speakerContext{},
			[]string{"State:JP", "State:CA"}},
		{"a state after a preposition is no speaker", "In Japan, the two ministers reaffirmed support.", "reaffirmed", meeting, speakerContext{},
			[]string{"Official:penny-wong", "Official:winston-peters"}},
		{"a possessive is no speaker", "Japan's role was noted.", "noted", nil, speakerContext{parties: []string{"FR"}},
			[]string{"State:FR"}},
		{"a pronoun is the readout's own minister", "She reaffirmed support for the Pacific.", "reaffirmed", meeting,
			speakerContext{named: []*official{peters, wong}},
			[]string{"Official:winston-peters"}},
		{"no speaker named: the meeting's participants", "Support for the Pacific was reaffirmed.", "reaffirmed", nil,
			speakerContext{participants: meeting},
			[]string{"Official:penny-wong", "Official:winston-peters"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := withOfficials(lx, sentenceOf(lx, c.sentence))
			at := -1
			for i, tok := range s.toks {
				if strings.EqualFold(tok.Text, c.act) {
					at = i
				}
			}
			if at < 0 {
				t.Fatalf("no %q in %q", c.act, c.sentence)
			}
			if got := subjects(lx, s, at, c.meeting, c.c); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
