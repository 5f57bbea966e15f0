package readout

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realdevDir holds real published readouts and their hand-made gold
// annotations; they are reference data kept outside the repository.
const realdevDir = "../../../shared/realdev"

// realdev is one real readout and the date its gold annotation gives.
type realdev struct {
	name    string
	readout Readout
	date    *string // nil where the text gives no full date
}

// loadRealdev reads the real readouts, skipping the test when they are
// absent and failing under CI, where they must be present.
func loadRealdev(t *testing.T) []realdev {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(realdevDir, "readouts", "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no real readouts under %s; CI must have them", realdevDir)
		}
		t.Skipf("no real readouts under %s: the reference set is not checked out beside the module", realdevDir)
	}
	var out []realdev
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		var gold struct {
			Date *string `json:"date"`
		}
		raw, err := os.ReadFile(filepath.Join(realdevDir, "gold", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s gold: %v", name, err)
		}
		out = append(out, realdev{name: name, readout: r, date: gold.Date})
	}
	return out
}

// realdevDateFloor is how many real readouts' dates agree with their gold
// today: every one whose text gives a full date. The rest are dated by
// their web page alone, or by a day and month the text gives without a
// year.
const realdevDateFloor = 14

// TestRealdevDates reports how often a real readout's parsed date agrees
// with its gold date. A wrong date fails; so does agreeing less often than
// realdevDateFloor.
func TestRealdevDates(t *testing.T) {
	agree, dated := 0, 0
	for _, rd := range loadRealdev(t) {
		got := rd.readout.Date
		switch {
		case rd.date == nil:
			if got != "" {
				t.Errorf("%s: parsed %q, gold has no date", rd.name, got)
			}
		case got == *rd.date:
			agree++
			dated++
		case got == "":
			dated++
			t.Logf("%s: no date parsed, gold %s", rd.name, *rd.date)
		default:
			dated++
			t.Errorf("%s: parsed %q, gold %s", rd.name, got, *rd.date)
		}
	}
	t.Logf("dates agree with gold on %d of %d dated readouts", agree, dated)
	if agree < realdevDateFloor {
		t.Errorf("dates agree on %d readouts, fewer than %d", agree, realdevDateFloor)
	}
}
