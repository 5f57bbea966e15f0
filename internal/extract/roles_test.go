package extract_test

import (
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

func extractText(t *testing.T, text string) (readout.Readout, graph.Document) {
	t.Helper()
	r, err := readout.Parse("test.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r, newExtractor(t).Extract(r)
}

func hasEdge(d graph.Document, typ schema.RelType, from, to string) bool {
	for _, e := range d.Edges {
		if e.Type == typ && ((e.From == from && e.To == to) || (typ == schema.MetWith && e.From == to && e.To == from)) {
			return true
		}
	}
	return false
}

func hasNode(d graph.Document, key string) bool {
	for _, n := range d.Nodes {
		if n.Key() == key {
			return true
		}
	}
	return false
}

// TestRoleResolvedByDate checks that "the Secretary" of a State Department
// readout is whoever was Secretary of State on the readout's date.
func TestRoleResolvedByDate(t *testing.T) {
	cases := []struct{ date, want string }{
		{"March 2, 2022", "Official:antony-blinken"},
		{"March 3, 2025", "Official:marco-rubio"},
		{"June 5, 2018", "Official:mike-pompeo"},
	}
	for _, c := range cases {
		text := "Secretary's Call with Indian External Affairs Minister Jaishankar\n\nOffice of the Spokesperson\n" + c.date +
			"\n\nThe Secretary spoke today with Indian External Affairs Minister Subrahmanyam Jaishankar. The Secretary and the Minister discussed maritime security."
		_, d := extractText(t, text)
		if !hasEdge(d, schema.MetWith, c.want, "Official:subrahmanyam-jaishankar") {
			t.Errorf("%s: no meeting of %s with Jaishankar; edges %v", c.date, c.want, d.Edges)
		}
	}
}

// TestAliasesMergeAcrossReadouts checks that the forms a readout may use for
// one person all make the same node.
func TestAliasesMergeAcrossReadouts(t *testing.T) {
	for _, name := range []string{"Secretary Blinken", "Secretary of State Antony J. Blinken", "Secretary of State Tony Blinken", "U.S. Secretary of State Antony Blinken"} {
		_, d := extractText(t, "Washington, 3 May 2023: "+name+" met with Foreign Minister Penny Wong of Australia.")
		if !hasNode(d, "Official:antony-blinken") {
			t.Errorf("%q did not resolve to antony-blinken: %v", name, d.Nodes)
		}
	}
	_, d := extractText(t, "Tokyo, 1 April 2023: Minister for Foreign Affairs HAYASHI Yoshimasa held talks with Secretary Blinken.")
	if !hasEdge(d, schema.MetWith, "Official:yoshimasa-hayashi", "Official:antony-blinken") {
		t.Errorf("HAYASHI Yoshimasa: %v", d.Edges)
	}
}

// TestUnknownOfficialKept checks that a person the table of office holders
// does not know is still extracted, with the title and state the text gives.
func TestUnknownOfficialKept(t *testing.T) {
	_, d := extractText(t, "Wellington, 2 May 2024: New Zealand Minister of Foreign Affairs Aroha Tane met Fijian Foreign Minister Jone Vatu. They discussed climate change.")
	for _, n := range d.Nodes {
		if n.Key() == "Official:aroha-tane" {
			if n.Prop(schema.PropState) != "NZ" || n.Prop(schema.PropTitle) != "Minister of Foreign Affairs" {
				t.Errorf("Aroha Tane: %v", n.Props)
			}
			if !hasEdge(d, schema.MetWith, "Official:aroha-tane", "Official:jone-vatu") {
				t.Errorf("no meeting: %v", d.Edges)
			}
			return
		}
	}
	t.Errorf("unknown official not extracted: %v", d.Nodes)
}

// TestNegationAndHedging checks that denied facts make no edge.
func TestNegationAndHedging(t *testing.T) {
	_, d := extractText(t, "Canberra, 5 June 2024: Australian Foreign Minister Penny Wong met Chinese Foreign Minister Wang Yi. "+
		"They discussed trade. The two did not discuss human rights. Climate change was not raised. "+
		"Minister Wang declined to commit to food security.")
	if !hasEdge(d, schema.Discussed, "Official:penny-wong", "Topic:trade") {
		t.Errorf("trade missing: %v", d.Edges)
	}
	for _, topic := range []string{"Topic:human-rights", "Topic:climate-change"} {
		if hasEdge(d, schema.Discussed, "Official:penny-wong", topic) {
			t.Errorf("negated %s made an edge", topic)
		}
	}
	if hasEdge(d, schema.CommittedTo, "Official:wang-yi", "Topic:food-security") {
		t.Error("a declined commitment made an edge")
	}
}

// TestEdgeDates checks that facts carry the date their sentence gives,
// resolved against the readout's own date.
func TestEdgeDates(t *testing.T) {
	_, d := extractText(t, "Secretary Blinken's Travel\n\nOffice of the Spokesperson\nJuly 26, 2024\n\n"+
		"On Tuesday, Secretary Blinken met Japanese Foreign Minister Yoko Kamikawa in Tokyo. They discussed maritime security.\n\n"+
		"On July 25, the Secretary met Philippine Secretary of Foreign Affairs Enrique Manalo. They discussed the South China Sea.")
	want := map[string]string{
		"Official:yoko-kamikawa":  "2024-07-23",
		"Official:enrique-manalo": "2024-07-25",
	}
	for _, e := range d.Edges {
		if e.Type != schema.MetWith {
			continue
		}
		for who, date := range want {
			if (e.From == who || e.To == who) && e.Date != date {
				t.Errorf("meeting with %s dated %s, want %s", who, e.Date, date)
			}
		}
	}
	for _, e := range d.Edges {
		if e.Type == schema.Discussed && e.To == "Topic:south-china-sea" && e.Date != "2024-07-25" {
			t.Errorf("discussion of the South China Sea dated %s, want the meeting's 2024-07-25", e.Date)
		}
	}
}
