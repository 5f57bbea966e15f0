// Package render prints the query package's answers (facts with their
// readouts, meetings, paths, counts) as a table for people, or as JSON or
// CSV with typed fields for scripts; and plain Tables (lists, Cypher
// results) in the same three formats.
package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/query"
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

// Answer prints one of the query package's answers in the named format.
func Answer(w io.Writer, format string, v any) error {
	if format == FormatMermaid || format == FormatDOT || format == FormatHTML {
		p, ok := pictureOf(v)
		if !ok {
			return fmt.Errorf("format %s draws the graph-shaped answers (path, ego, neighbors, meetings, commitments, topics, timeline, readout), not this one", format)
		}
		switch format {
		case FormatMermaid:
			return writeMermaid(w, p)
		case FormatHTML:
			return writeHTML(w, v, p)
		}
		return writeDOT(w, p)
	}
	if format != FormatJSON && format != FormatCSV && format != FormatTable && format != "" {
		return fmt.Errorf("unknown format %q: want table, json, csv, mermaid or dot", format)
	}
	switch a := v.(type) {
	case query.Paths:
		return pick(format, a, pathsTable, pathsJSON, pathsCSV)(w)
	case query.Facts:
		return pick(format, a, factsTable, factsAnswerJSON, factsCSV)(w)
	case query.Meetings:
		return pick(format, a, meetingsTable, meetingsJSON, meetingsCSV)(w)
	case query.Stats:
		return pick(format, a, statsTable, statsJSON, statsCSV)(w)
	case Table:
		return Write(w, format, a)
	}
	return fmt.Errorf("render: no format for %T", v)
}

func pick[A any](format string, a A, table, js, csv func(io.Writer, A) error) func(io.Writer) error {
	f := table
	switch format {
	case FormatJSON:
		f = js
	case FormatCSV:
		f = csv
	}
	return func(w io.Writer) error { return f(w, a) }
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
	return writeRecords(w, t.Columns, t.Rows)
}

// csvCell neutralises a cell a spreadsheet would run as a formula, as
// OWASP recommends for CSV injection: one that begins with = + - @, a tab
// or a carriage return gets a leading single quote. (The csv writer then
// quotes the cell as it needs.)
func csvCell(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}

func writeTable(w io.Writer, t Table) error {
	if t.Title != "" {
		fmt.Fprintln(w, oneLine(t.Title))
	}
	if len(t.Rows) == 0 {
		msg := t.Empty
		if msg == "" {
			msg = "no results"
		}
		_, err := fmt.Fprintln(w, oneLine(msg))
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
		head[i] = oneLine(strings.ToUpper(c))
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

// oneLine keeps a cell on one line whatever the input held, and makes it
// safe for a terminal.
func oneLine(s string) string {
	return Terminal(strings.Join(strings.Fields(s), " "))
}

// Terminal makes text from the outside (a file name, a readout's words, a
// message quoting either) safe to print on a terminal: control characters
// (a newline that would forge a line, an escape sequence), format
// characters such as right-to-left overrides, and bytes that are not UTF-8
// are written as Go escapes (\n, \x1b, \u202e, \xff); everything else is
// left as it is.
func Terminal(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unsafeRune(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
