package extract_test

import (
	"testing"

	"github.com/diplograph/diplograph/internal/schema"
)

// TestSpeechActs holds the relate stage to what each act is: a strict
// discussion, a commitment, or neither (welcomed, condemned, stressed,
// agreed that), with its CAMEO code and its object in the readout's words.
func TestSpeechActs(t *testing.T) {
	cases := []struct {
		sentence           string
		rel                schema.RelType
		act, cameo, phrase string
	}{
		{"They discussed the situation in the Red Sea.", schema.Discussed, "discussed", "040", "the situation in the Red Sea"},
		{"They agreed to stay in close touch.", schema.CommittedTo, "committed", "030", "staying in close touch"},
		{"They reaffirmed their commitment to a free and open Indo-Pacific.", schema.CommittedTo, "committed", "030", "a free and open Indo-Pacific"},
		{"They welcomed the ceasefire in Gaza.", schema.Expressed, "welcomed", "051", "the ceasefire in Gaza"},
		{"We welcome the new trade agreement.", schema.Expressed, "welcomed", "051", "the new trade agreement"},
		{"They condemned the attacks on commercial shipping.", schema.Expressed, "condemned", "111", "the attacks on commercial shipping"},
		{"We oppose any unilateral attempt to change the status quo by force.", schema.Expressed, "opposed", "110", "any unilateral attempt to change the status quo by force"},
		{"They expressed serious concern over the missile launches.", schema.Expressed, "concerned", "012", "the missile launches"},
		{"They agreed that energy security matters to both economies.", schema.Expressed, "agreed", "019", "energy security matters to both economies"},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			body := "A call\n\nCanberra, 12 March 2024\n\nForeign Minister Penny Wong spoke with Foreign Minister Yoko Kamikawa of Japan. " + c.sentence + "\n"
			_, d := extractText(t, body)
			found := false
			for _, e := range d.Edges {
				if e.Props[schema.PropPhrase] != c.phrase {
					continue
				}
				found = true
				if e.Type != c.rel || e.Props[schema.PropAct] != c.act || e.Props[schema.PropCameo] != c.cameo {
					t.Errorf("%q: %s act %s cameo %s, want %s %s %s", c.phrase, e.Type, e.Props[schema.PropAct], e.Props[schema.PropCameo], c.rel, c.act, c.cameo)
				}
			}
			if !found {
				var got []string
				for _, e := range d.Edges {
					if p := e.Props[schema.PropPhrase]; p != "" {
						got = append(got, string(e.Type)+": "+p)
					}
				}
				t.Errorf("no edge with phrase %q; got %q", c.phrase, got)
			}
			for _, e := range d.Edges {
				if c.rel == schema.Expressed && (e.Type == schema.Discussed || e.Type == schema.CommittedTo) && e.Props[schema.PropPhrase] == c.phrase {
					t.Errorf("%q is also %s", c.phrase, e.Type)
				}
			}
		})
	}
}
