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

func TestTerminal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text, “quoted” — ünïcode", "plain text, “quoted” — ünïcode"},
		{"a\nforged: line", `a\nforged: line`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a del\x7f nul\x00", `bell\a del\x7f nul\x00`},
		{"right\u202eto left", `right\u202eto left`},
		{"bad \xff byte", `bad \xff byte`},
		{"c1 \u009b control", `c1 \u009b control`},
	} {
		if got := Terminal(c.in); got != c.want {
			t.Errorf("Terminal(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTableEscapesControlCharacters: no cell, title or detail can move the
// cursor, colour the terminal or forge a line.
func TestTableEscapesControlCharacters(t *testing.T) {
	var b strings.Builder
	err := Write(&b, FormatTable, Table{
		Title: "evil\x1b]0;title\a", Columns: []string{"name", "evidence"}, Detail: "evidence",
		Rows: [][]string{{"x\x1b[2J\u202e", "line one\nline two\x1b[31m"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\a\u202e") || strings.Count(out, "\n") != 4 {
		t.Errorf("table output holds raw control characters or extra lines:\n%q", out)
	}
}

// TestCSVNeutralisesFormulas: cells a spreadsheet would evaluate get a
// leading quote (OWASP); others are untouched.
func TestCSVNeutralisesFormulas(t *testing.T) {
	var b strings.Builder
	rows := [][]string{{"=HYPERLINK(\"http://x\")"}, {"+1"}, {"-2+3"}, {"@SUM(A1)"}, {"\tx"}, {"\rx"}, {"plain"}, {"2024-01-02"}, {""}}
	if err := Write(&b, FormatCSV, Table{Columns: []string{"c"}, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	want := "c\n\"'=HYPERLINK(\"\"http://x\"\")\"\n'+1\n'-2+3\n'@SUM(A1)\n'\tx\n\"'\rx\"\nplain\n2024-01-02\n\n"
	if b.String() != want {
		t.Errorf("csv:\n%q\nwant\n%q", b.String(), want)
	}
}
