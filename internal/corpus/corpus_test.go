package corpus

import (
	"bytes"
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/schema"
)

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		g, err := New(42)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.WriteJSONL(buf, 50); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() == 0 {
		t.Error("the same seed gave different corpora")
	}
	g, _ := New(43)
	var c bytes.Buffer
	g.WriteJSONL(&c, 50)
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same corpus")
	}
}

// TestExtractable checks that the generated readouts read as readouts: a
// date on each, and a meeting found in nearly all.
func TestExtractable(t *testing.T) {
	g, err := New(7)
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	const n = 300
	met := 0
	for i := 0; i < n; i++ {
		r := g.Next()
		if r.Date == "" {
			t.Errorf("readout %d has no date:\n%s", i, r.Body)
		}
		for _, e := range x.Extract(r).Edges {
			if e.Type == schema.MetWith {
				met++
				break
			}
		}
	}
	if met < n*9/10 {
		t.Errorf("a meeting found in %d of %d generated readouts", met, n)
	}
}

// TestWorldShape checks the world-shaped corpus has the shape it promises:
// more distinct officials and topics than a uniform draw from the lexicon
// gives, forums, stances (EXPRESSED), a skewed spread over states (the busiest state in far more
// readouts than the median one), more readouts in later years, and the same
// corpus from the same seed.
func TestWorldShape(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWorld(WorldOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	sh := MeasureShape(w, x, 600)
	u, _ := New(3)
	flat := MeasureShape(u, x, 600)
	if sh.NodesByLabel[schema.Topic] <= 2*flat.NodesByLabel[schema.Topic] {
		t.Errorf("topics: world %d, uniform %d: the long tail is missing", sh.NodesByLabel[schema.Topic], flat.NodesByLabel[schema.Topic])
	}
	if sh.NodesByLabel[schema.Official] <= flat.NodesByLabel[schema.Official] {
		t.Errorf("officials: world %d, uniform %d", sh.NodesByLabel[schema.Official], flat.NodesByLabel[schema.Official])
	}
	if sh.DegreeMax < 10*sh.DegreeP50 {
		t.Errorf("degree p50 %d, max %d: not skewed", sh.DegreeP50, sh.DegreeMax)
	}
	if sh.NodesByLabel[schema.Forum] < 6 || sh.EdgesByType[schema.Expressed] == 0 || sh.EdgesByType[schema.MemberOf] == 0 {
		t.Errorf("forums %d, EXPRESSED %d, MEMBER_OF %d: the forums or the stances are missing",
			sh.NodesByLabel[schema.Forum], sh.EdgesByType[schema.Expressed], sh.EdgesByType[schema.MemberOf])
	}
	if sh.ByYear["2024"] <= sh.ByYear["2003"] {
		t.Errorf("readouts in 2003: %d, in 2024: %d: no growth", sh.ByYear["2003"], sh.ByYear["2024"])
	}
	var a, b bytes.Buffer
	w1, _ := NewWorld(WorldOptions{Seed: 9})
	w2, _ := NewWorld(WorldOptions{Seed: 9})
	w1.WriteJSONL(&a, 30)
	w2.WriteJSONL(&b, 30)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same options gave different corpora")
	}
}
