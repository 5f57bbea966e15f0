package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/extract"
)

// floors hold each set to the F1 per category (and the core micro-F1)
// that extraction reached when they were last set, less 0.02 and rounded
// down. They only ever go up: when extraction improves, raise them to the
// new figures less 0.02; never lower one to let a change through.
var floors = map[string]map[string]float64{
	"devset": {
		"states": 0.97, "officials": 0.96, "forums": 0.98, "met_with": 0.89,
		"member_of": 0.94, "discussed": 0.91, "committed_to": 0.91, "core": 0.95,
	},
	"realdev": {
		"states": 0.96, "officials": 0.97, "forums": 0.98, "met_with": 0.97,
		"member_of": 0.98, "discussed": 0.89, "committed_to": 0.84, "core": 0.97,
	},
}

func TestDevelopmentSet(t *testing.T) {
	holdToFloors(t, filepath.Join(moduleRoot(t), "fixtures", "devset"), floors["devset"])
}

// TestRealReadouts scores the real readouts kept beside the repository
// (../shared/realdev). Where they are absent the test skips, except in CI,
// which must have them.
func TestRealReadouts(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "..", "shared", "realdev")
	if msg, ok := absent(dir, os.Getenv("CI") == "true"); msg != "" {
		if !ok {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	holdToFloors(t, dir, floors["realdev"])
}

// absent says why a set is missing, when it is, and whether that is all
// right (a skip) or not (in CI).
func absent(dir string, ci bool) (msg string, ok bool) {
	if _, err := os.Stat(filepath.Join(dir, "gold")); !errors.Is(err, os.ErrNotExist) {
		return "", true
	}
	if ci {
		return "real readouts missing at " + dir + ": CI must check them out beside the repository", false
	}
	return "real readouts not at " + dir + " (they are kept beside the repository, not in it)", true
}

func TestAbsent(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "realdev")
	if msg, ok := absent(missing, false); msg == "" || !ok {
		t.Errorf("outside CI a missing set should skip: %q, %v", msg, ok)
	}
	if msg, ok := absent(missing, true); msg == "" || ok {
		t.Errorf("in CI a missing set should fail: %q, %v", msg, ok)
	}
	present := t.TempDir()
	write(t, filepath.Join(present, "gold", "a.json"), tinyGold)
	if msg, _ := absent(present, true); msg != "" {
		t.Errorf("a present set reported missing: %q", msg)
	}
}

func holdToFloors(t *testing.T, dir string, floor map[string]float64) {
	t.Helper()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), x, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) > 0 {
		t.Errorf("readouts not read: %v", rep.Failures)
	}
	got := map[string]float64{"core": rep.CoreScore().F1()}
	for _, c := range Categories {
		got[c] = rep.Scores[c].F1()
	}
	for _, c := range append(append([]string(nil), Categories...), "core") {
		switch {
		case got[c] < floor[c]:
			t.Errorf("%s F1 %.3f below its floor %.2f", c, got[c], floor[c])
		case testing.Verbose():
			t.Logf("%-12s F1 %.3f, floor %.2f", c, got[c], floor[c])
		}
	}
	if t.Failed() || testing.Verbose() {
		var b strings.Builder
		rep.WriteTable(&b)
		t.Logf("%s\n%s", dir, b.String())
	}
}
