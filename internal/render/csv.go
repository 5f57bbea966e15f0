package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// The CSV of the answers: one row per fact (per meeting for meetings),
// every fact with its readout's id, title, date and source. An empty cell
// is a missing value.

var factColumns = []string{"from_key", "from_label", "from_id", "from_name", "relation", "direction",
	"to_key", "to_label", "to_id", "to_name", "phrase", "act", "cameo", "date", "evidence",
	"readout_id", "readout_title", "readout_date", "readout_source"}

func factCells(f query.Fact) []string {
	dir := "out"
	if !f.Forward {
		dir = "in"
	}
	return append(append(nodeCells(f.From), string(f.Relation), dir), append(append(nodeCells(f.To),
		f.Phrase, f.Act, f.Cameo, f.Date, f.Evidence), readoutCells(f.Readout)...)...)
}

func nodeCells(n graph.Node) []string { return []string{n.Key(), string(n.Label), n.ID, n.Name} }

func readoutCells(r query.Readout) []string { return []string{r.ID, r.Title, r.Date, r.Source} }

func writeRecords(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = csvCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func pathsCSV(w io.Writer, a query.Paths) error {
	var rows [][]string
	for i, p := range a.Paths {
		for j, f := range p {
			rows = append(rows, append([]string{strconv.Itoa(i + 1), strconv.Itoa(j + 1)}, factCells(f)...))
		}
	}
	return writeRecords(w, append([]string{"path", "hop"}, factColumns...), rows)
}

func factsCSV(w io.Writer, a query.Facts) error {
	var rows [][]string
	for _, f := range a.Facts {
		rows = append(rows, factCells(f))
	}
	return writeRecords(w, factColumns, rows)
}

func meetingsCSV(w io.Writer, a query.Meetings) error {
	var rows [][]string
	for i, m := range a.Meetings {
		var keys, names []string
		for _, p := range m.Participants {
			keys, names = append(keys, p.Key()), append(names, p.Name)
		}
		rows = append(rows, append([]string{strconv.Itoa(i + 1), m.Date, strings.Join(keys, "; "), strings.Join(names, "; "),
			strings.Join(acts(m.Facts), "; "), strings.Join(evidence(m.Facts), " ")}, readoutCells(m.Readout)...))
	}
	return writeRecords(w, []string{"meeting", "date", "participant_keys", "participant_names", "acts", "evidence",
		"readout_id", "readout_title", "readout_date", "readout_source"}, rows)
}

func statsCSV(w io.Writer, a query.Stats) error {
	var rows [][]string
	for _, l := range schema.Labels {
		rows = append(rows, []string{"node", string(l), strconv.Itoa(a.Nodes[l])})
	}
	for _, t := range schema.RelTypes {
		rows = append(rows, []string{"edge", string(t), strconv.Itoa(a.Edges[t])})
	}
	for _, y := range years(a.Stats) {
		rows = append(rows, []string{"year", y, strconv.Itoa(a.Years[y])})
	}
	rows = append(rows, []string{"check", "dangling edges", strconv.Itoa(a.Dangling)})
	return writeRecords(w, []string{"kind", "name", "count"}, rows)
}

// acts are the distinct acts of facts, in order.
func acts(fs []query.Fact) []string {
	var out []string
	for _, f := range fs {
		if f.Act != "" && !contains(out, f.Act) {
			out = append(out, f.Act)
		}
	}
	return out
}

// evidence is the distinct evidence sentences of facts, in order.
func evidence(fs []query.Fact) []string {
	var out []string
	for _, f := range fs {
		if f.Evidence != "" && !contains(out, f.Evidence) {
			out = append(out, f.Evidence)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
