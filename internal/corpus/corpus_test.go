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
