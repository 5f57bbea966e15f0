// Package render prints query answers as an aligned table, JSON or CSV.
// Every answer is first made a Table; the three formats are views of it.
package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Table is a query answer: named columns and rows of text.
type Table struct {
	Title   string // printed above a table; omitted from JSON and CSV
	Columns []string
	Rows    [][]string
	// Detail names a column too long for a table cell (an evidence
	// sentence): table output prints it on its own line under its row.
	Detail string
	Empty  string // what table output says when there are no rows
}

// Formats.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatCSV   = "csv"
)

// Write prints t in the named format.
func Write(w io.Writer, format string, t Table) error {
	switch format {
	case FormatJSON:
		return writeJSON(w, t)
	case FormatCSV:
		return writeCSV(w, t)
	case FormatTable, "":
		return writeTable(w, t)
	}
	return fmt.Errorf("unknown format %q: want table, json or csv", format)
}

func writeJSON(w io.Writer, t Table) error {
	out := make([]map[string]string, 0, len(t.Rows))
	for _, r := range t.Rows {
		m := make(map[string]string, len(t.Columns))
		for i, c := range t.Columns {
			if i < len(r) {
				m[c] = r[i]
			}
		}
		out = append(out, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeTable(w io.Writer, t Table) error {
	if t.Title != "" {
		fmt.Fprintln(w, t.Title)
	}
	if len(t.Rows) == 0 {
		msg := t.Empty
		if msg == "" {
			msg = "no results"
		}
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	detail := -1
	var cols []string
	for i, c := range t.Columns {
		if c == t.Detail {
			detail = i
			continue
		}
		cols = append(cols, c)
	}
	if detail < 0 {
		return writeGrid(w, cols, t.Rows, -1)
	}
	// With a detail column, each row is its own small block so that the
	// long text can follow it.
	return writeGrid(w, cols, t.Rows, detail)
}

func writeGrid(w io.Writer, cols []string, rows [][]string, detail int) error {
	cells := make([][]string, 0, len(rows)+1)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = strings.ToUpper(c)
	}
	cells = append(cells, head)
	for _, r := range rows {
		var line []string
		for i, c := range r {
			if i != detail {
				line = append(line, oneLine(c))
			}
		}
		cells = append(cells, line)
	}
	widths := make([]int, len(cols))
	for _, line := range cells {
		for i, c := range line {
			if i < len(widths) && utf8.RuneCountInString(c) > widths[i] {
				widths[i] = utf8.RuneCountInString(c)
			}
		}
	}
	bw := bufio.NewWriter(w)
	for n, line := range cells {
		for i, c := range line {
			if i == len(line)-1 {
				bw.WriteString(c)
				break
			}
			bw.WriteString(c)
			bw.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
		bw.WriteByte('\n')
		if n > 0 && detail >= 0 && detail < len(rows[n-1]) && rows[n-1][detail] != "" {
			fmt.Fprintf(bw, "    “%s”\n", oneLine(rows[n-1][detail]))
		}
	}
	return bw.Flush()
}

// oneLine keeps a cell on one line whatever the input held.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
