package extract_test

import (
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestSeedReadout checks the facts the project's founding readout must
// yield. The readout lives beside the checkout in ../shared; without it the
// test skips.
func TestSeedReadout(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seed/*.txt")
	if len(files) == 0 {
		t.Skip("no seed readout in ../shared/seed beside the checkout")
	}
	r := readFixture(t, files[0])
	d := newExtractor(t).Extract(r)
	nodes := map[string]graph.Node{}
	for _, n := range d.Nodes {
		nodes[n.Key()] = n
	}
	edges := map[string]bool{}
	for _, e := range d.Edges {
		edges[string(e.Type)+" "+e.From+" "+e.To] = true
	}
	for _, k := range []string{"State:US", "State:JP", "State:IN", "State:AU", "State:CN", "State:KP", "Forum:QUAD", "Forum:G7", "Forum:UNSC"} {
		if _, ok := nodes[k]; !ok {
			t.Errorf("missing node %s", k)
		}
	}
	officials := []struct{ key, name, state, title string }{
		{"Official:antony-blinken", "Antony Blinken", "US", "Secretary of State"},
		{"Official:yoshimasa-hayashi", "Yoshimasa Hayashi", "JP", "Foreign Minister"},
	}
	for _, o := range officials {
		n, ok := nodes[o.key]
		if !ok {
			t.Errorf("missing official %s", o.key)
			continue
		}
		if n.Name != o.name || n.Prop(schema.PropState) != o.state || n.Prop(schema.PropTitle) != o.title {
			t.Errorf("%s: got %q %q %q, want %q %q %q", o.key, n.Name, n.Prop(schema.PropState), n.Prop(schema.PropTitle), o.name, o.state, o.title)
		}
	}
	want := []string{
		"MET_WITH Official:antony-blinken Official:yoshimasa-hayashi",
		"MEMBER_OF State:US Forum:QUAD", "MEMBER_OF State:JP Forum:QUAD",
		"MEMBER_OF State:IN Forum:QUAD", "MEMBER_OF State:AU Forum:QUAD",
		"REPRESENTS Official:antony-blinken State:US", "REPRESENTS Official:yoshimasa-hayashi State:JP",
	}
	for _, topic := range []string{"north-korea-nuclear-missile", "security", "trade"} {
		want = append(want, "DISCUSSED Official:antony-blinken Topic:"+topic, "DISCUSSED Official:yoshimasa-hayashi Topic:"+topic)
	}
	// A commitment is not also a discussion: "expressed their shared
	// commitment to ... climate change, food security" commits, no more.
	for _, topic := range []string{"free-and-open-indo-pacific", "democracy", "human-rights", "climate-change", "food-security"} {
		want = append(want, "COMMITTED_TO Official:antony-blinken Topic:"+topic, "COMMITTED_TO Official:yoshimasa-hayashi Topic:"+topic)
	}
	for _, w := range want {
		if !edges[w] {
			t.Errorf("missing edge %s", w)
		}
	}
	if r.Date != "2023-03-04" || r.Location != "New Delhi" {
		t.Errorf("dateline: got %q %q, want 2023-03-04 New Delhi", r.Date, r.Location)
	}
}
