package extract

import (
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/lexicon"
)

func TestReadMemberships(t *testing.T) {
	lx := lexicon.MustDefault()
	cases := []struct {
		sentence     string
		participants []string // the states a group subject stands for
		want         []string // state code ">" forum id
	}{
		{"The Quad countries (the United States, Japan, India and Australia) met in Delhi.", nil,
			[]string{"US>QUAD", "JP>QUAD", "IN>QUAD", "AU>QUAD"}},
		{"G7 members Italy and Canada spoke first.", nil,
			[]string{"IT>G7", "CA>G7"}},
		{"Chile and Peru, as members of APEC, welcomed the plan.", nil,
			[]string{"PE>APEC", "CL>APEC"}}, // read back from "as members of"; emit sorts edges
		{"The ministers praised Brazil's G20 presidency.", nil,
			[]string{"BR>G20"}},
		{"Norway, a NATO Ally since 1949, hosted the talks.", nil,
			[]string{"NO>NATO"}},
		{"As fellow members of ASEAN, they pledged to work together.", []string{"ID", "MY"},
			[]string{"ID>ASEAN", "MY>ASEAN"}},
		{"They discussed the G20 summit.", []string{"ID", "MY"},
			nil},
		{"One state after 'of' is a delegation: the G7 Foreign Ministers of Japan met.", nil,
			nil},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			var got []string
			for _, m := range readMemberships(lx, sentenceOf(lx, c.sentence), c.participants) {
				got = append(got, m.state+">"+m.forum)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
