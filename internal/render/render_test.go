package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

var sample = Table{
	Title:   "Meetings",
	Columns: []string{"from", "to", "evidence"},
	Rows: [][]string{
		{"Penny Wong (penny-wong)", "Wang Yi", "They met in Beijing,\nand talked."},
		{"Bùi Thanh Sơn", `O'Brien "the Hon"`, ""},
	},
	Detail: "evidence",
}

func TestTableAlignsAndPutsDetailBelow(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, FormatTable, sample); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	want := []string{
		"Meetings",
		"FROM                     TO",
		"Penny Wong (penny-wong)  Wang Yi",
		"    “They met in Beijing, and talked.”",
		`Bùi Thanh Sơn            O'Brien "the Hon"`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestJSONAndCSVKeepEveryCell(t *testing.T) {
	var j bytes.Buffer
	if err := Write(&j, FormatJSON, sample); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	if err := json.Unmarshal(j.Bytes(), &rows); err != nil || len(rows) != 2 || rows[0]["evidence"] != sample.Rows[0][2] {
		t.Errorf("json: %v %v", rows, err)
	}
	var c bytes.Buffer
	if err := Write(&c, FormatCSV, sample); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil || len(recs) != 3 || recs[2][1] != `O'Brien "the Hon"` || recs[1][2] != sample.Rows[0][2] {
		t.Errorf("csv: %q %v", recs, err)
	}
}

func TestEmptyAndUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	Write(&b, FormatTable, Table{Columns: []string{"a"}, Empty: "no meetings"})
	if !strings.Contains(b.String(), "no meetings") {
		t.Errorf("empty table: %q", b.String())
	}
	b.Reset()
	Write(&b, FormatJSON, Table{Columns: []string{"a"}})
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty json: %q", b.String())
	}
	if err := Write(&b, "xml", sample); err == nil {
		t.Error("xml accepted")
	}
}
