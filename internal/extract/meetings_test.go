package extract_test

import (
	"testing"

	"github.com/diplograph/diplograph/internal/schema"
)

// TestWhoMetWhom holds the meeting stage to the meeting a readout reports:
// separate calls give their own pairs, a third party who joins a call is
// one of its participants, "he" is the one who held the call before, and
// planned or earlier meetings give none.
func TestWhoMetWhom(t *testing.T) {
	cases := []struct {
		name        string
		body        string
		met, notMet [][2]string
	}{
		{
			name:   "separate calls",
			body:   "Secretary of Defense Lloyd Austin spoke separately with Canadian Minister of National Defence Anita Anand and German Defence Minister Boris Pistorius.",
			met:    [][2]string{{"lloyd-austin", "anita-anand"}, {"lloyd-austin", "boris-pistorius"}},
			notMet: [][2]string{{"anita-anand", "boris-pistorius"}},
		},
		{
			name: "a third party joins",
			body: "Secretary of State Antony Blinken held a call with Foreign Minister Penny Wong of Australia, joined by Foreign Minister Yoko Kamikawa of Japan.",
			met:  [][2]string{{"antony-blinken", "penny-wong"}, {"antony-blinken", "yoko-kamikawa"}, {"penny-wong", "yoko-kamikawa"}},
		},
		{
			name:   "he, in a second call",
			body:   "Secretary of State Antony Blinken spoke with Foreign Minister Dmytro Kuleba of Ukraine. In a separate call, he spoke with Foreign Minister Hakan Fidan of Turkey.",
			met:    [][2]string{{"antony-blinken", "dmytro-kuleba"}, {"antony-blinken", "hakan-fidan"}},
			notMet: [][2]string{{"dmytro-kuleba", "hakan-fidan"}},
		},
		{
			name:   "planned and earlier meetings",
			body:   "Secretary of State Antony Blinken met Foreign Minister Penny Wong of Australia. He will meet Foreign Minister Yoko Kamikawa of Japan next week. The meeting builds on the talks between Prime Minister Fumio Kishida and Prime Minister Anthony Albanese in May.",
			met:    [][2]string{{"antony-blinken", "penny-wong"}},
			notMet: [][2]string{{"antony-blinken", "yoko-kamikawa"}, {"fumio-kishida", "anthony-albanese"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, d := extractText(t, "A readout\n\nWASHINGTON, June 5, 2023\n\n"+c.body+"\n")
			for _, p := range c.met {
				if !hasEdge(d, schema.MetWith, "Official:"+p[0], "Official:"+p[1]) {
					t.Errorf("%s and %s did not meet", p[0], p[1])
				}
			}
			for _, p := range c.notMet {
				if hasEdge(d, schema.MetWith, "Official:"+p[0], "Official:"+p[1]) {
					t.Errorf("%s and %s met", p[0], p[1])
				}
			}
		})
	}
}
