package extract_test

import (
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestWhatTheSentenceSaysOfAPerson holds the officials stage to the text:
// the country a sentence gives a person wins over the table, styles and
// particles stay part of one name, an organisation's official represents
// the organisation, and a list of names after a plural title is one
// delegation.
func TestWhatTheSentenceSaysOfAPerson(t *testing.T) {
	cases := []struct {
		name, body string
		officials  map[string]string // official key -> the node it represents ("" for none)
		edges      [][3]string       // type, from, to
		absent     [][3]string
	}{
		{
			name:      "country after the name",
			body:      "Prime Minister Jacinda Ardern of New Zealand, who chairs the Pacific Islands Forum, spoke with Prime Minister Scott Morrison.",
			officials: map[string]string{"Official:jacinda-ardern": "State:NZ", "Official:scott-morrison": "State:AU"},
			edges:     [][3]string{{"MEMBER_OF", "State:NZ", "Forum:PIF"}, {"MET_WITH", "Official:jacinda-ardern", "Official:scott-morrison"}},
		},
		{
			name:      "royal and Gulf styles",
			body:      "His Majesty King Abdullah II of Jordan received H.E. Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign Affairs of the United Arab Emirates, in Amman.",
			officials: map[string]string{"Official:abdullah-ii": "State:JO", "Official:abdullah-bin-zayed-al-nahyan": "State:AE"},
			edges:     [][3]string{{"MET_WITH", "Official:abdullah-ii", "Official:abdullah-bin-zayed-al-nahyan"}},
		},
		{
			name:      "an organisation's head",
			body:      "The Chairperson of the African Union Commission, Moussa Faki Mahamat, met President Cyril Ramaphosa in Pretoria.",
			officials: map[string]string{"Official:moussa-faki-mahamat": "Forum:AU", "Official:cyril-ramaphosa": "State:ZA"},
			absent:    [][3]string{{"REPRESENTS", "Official:moussa-faki-mahamat", "State:AU"}},
		},
		{
			name:      "a delegation listed after a plural title",
			body:      "The Foreign Minister of Chile, Alberto van Klaveren, met members of Congress, among which Tom Walker, Ann Briggs and Joe Lund.",
			officials: map[string]string{"Official:tom-walker": "State:US", "Official:ann-briggs": "State:US"},
			edges:     [][3]string{{"MET_WITH", "Official:alberto-van-klaveren", "Official:tom-walker"}, {"MET_WITH", "Official:alberto-van-klaveren", "Official:joe-lund"}},
			absent:    [][3]string{{"MET_WITH", "Official:tom-walker", "Official:ann-briggs"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, d := extractText(t, "A readout\n\nAmman, 12 March 2019\n\n"+c.body+"\n")
			for key, rep := range c.officials {
				if !hasNode(d, key) {
					t.Errorf("no official %s in %v", key, officialKeysOf(d))
					continue
				}
				if rep != "" && !hasEdge(d, schema.Represents, key, rep) {
					t.Errorf("%s does not represent %s", key, rep)
				}
			}
			for _, e := range c.edges {
				if !hasEdge(d, schema.RelType(e[0]), e[1], e[2]) {
					t.Errorf("missing %s %s %s", e[0], e[1], e[2])
				}
			}
			for _, e := range c.absent {
				if hasEdge(d, schema.RelType(e[0]), e[1], e[2]) {
					t.Errorf("unwanted %s %s %s", e[0], e[1], e[2])
				}
			}
		})
	}
}

func officialKeysOf(d graph.Document) []string {
	var out []string
	for _, n := range d.Nodes {
		if n.Label == schema.Official {
			out = append(out, n.Key())
		}
	}
	return out
}
