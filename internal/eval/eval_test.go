package eval

import (
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/lexicon"
)

// thresholds are the F1 scores the development set is held to.
var thresholds = map[string]float64{
	"states": 0.97, "forums": 0.97,
	"officials": 0.92, "met-with": 0.92,
	"discussed": 0.85, "committed-to": 0.85,
}

func TestDevelopmentSet(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(x, lexicon.MustDefault(), "../../fixtures/devset")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files < 40 {
		t.Errorf("%d annotated readouts, want at least 40", rep.Files)
	}
	t.Logf("\n%s", rep.Table())
	for c, min := range thresholds {
		if f := rep.Scores[c].F1(); f < min {
			t.Errorf("%s F1 %.3f below %.2f", c, f, min)
		}
	}
	if t.Failed() && testing.Verbose() {
		for _, m := range rep.Misses {
			t.Logf("%s %s %s: %s", m.File, m.Category, m.Kind, m.Item)
		}
	}
}
