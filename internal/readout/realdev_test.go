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

// realdevPlaces are the places the real readouts' texts give for their
// meetings, in a dateline, an opening sentence or the title; the others
// are calls or statements that name none.
var realdevPlaces = map[string]string{
	"02-de-wadephul-barrot-joint-statement-2025":         "Paris",
	"03-sg-balakrishnan-saifuddin-putrajaya-2018":        "Putrajaya",
	"04-sg-balakrishnan-maas-unga-sideline-2018":         "New York",
	"05-us-mattis-ngo-xuan-lich-admm-plus-2017":          "Clark, Pampanga, Philippines",
	"08-au-faki-ramaphosa-south-africa-visit-2020":       "Republic of South Africa",
	"10-vn-pham-binh-minh-kerry-call-2016":               "Hanoi",
	"11-us-tillerson-lavrov-unga-sideline-2017":          "New York",
	"12-us-blinken-kamikawa-manalo-trilateral-unga-2023": "New York",
	"17-ca-garneau-di-maio-call-2021":                    "Ottawa, Ontario",
	"21-nato-secretary-general-greece-2019":              "Athens",
	"22-eu-mogherini-tillerson-washington-2017":          "Washington",
}

// TestRealdevPlaces checks the place read for each real readout whose text
// names one, and logs every place read (go test -v) for a reviewer.
func TestRealdevPlaces(t *testing.T) {
	filled := 0
	for _, rd := range loadRealdev(t) {
		got := rd.readout.Location
		t.Logf("%s: %q", rd.name, got)
		if want, ok := realdevPlaces[rd.name]; ok && got != want {
			t.Errorf("%s: place %q, want %q", rd.name, got, want)
		}
		if got != "" {
			filled++
		}
	}
	t.Logf("a place is read for %d readouts; %d name one", filled, len(realdevPlaces))
}
