package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// The table output of the answers, for people: facts grouped by the
// readout they cite, each readout's title, date and source printed once,
// and each evidence sentence once, under the facts it supports.

// grid lays rows out in aligned columns, each line indented.
type grid struct {
	widths []int
}

func (g *grid) fit(cells []string) {
	for i, c := range cells {
		if i == len(g.widths) {
			g.widths = append(g.widths, 0)
		}
		g.widths[i] = max(g.widths[i], utf8.RuneCountInString(c))
	}
}

func (g *grid) line(w *bufio.Writer, indent string, cells []string) {
	var b strings.Builder
	b.WriteString(indent)
	for i, c := range cells {
		b.WriteString(c)
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", g.widths[i]-utf8.RuneCountInString(c)+2))
		}
	}
	w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
}

func relation(f query.Fact) string {
	if f.Forward {
		return "-[" + string(f.Relation) + "]->"
	}
	return "<-[" + string(f.Relation) + "]-"
}

// phrase shows a fact's own words, with the act when it is not the
// relationship's plain one ("welcomed: the agreement").
func phrase(f query.Fact) string {
	if f.Phrase != "" && f.Relation == "EXPRESSED" && f.Act != "" {
		return f.Act + ": " + f.Phrase
	}
	return f.Phrase
}

func factRow(f query.Fact) []string {
	date := ""
	if f.Date != f.Readout.Date {
		date = f.Date
	}
	p := phrase(f)
	if strings.EqualFold(p, f.To.Name) {
		p = "" // a phrase the taxonomy does not name is its own topic
	}
	return []string{nodeText(f.From), relation(f), nodeText(f.To), oneLine(short(p, 70)), date}
}

// nodeText shows a node in a table cell: a topic by its name alone (its id
// is the name's slug), anything else as "name (id)".
func nodeText(n graph.Node) string {
	if n.Label == schema.Topic {
		return oneLine(short(n.Name, 50))
	}
	return oneLine(query.Label(n))
}

var factHeader = []string{"FROM", "RELATION", "TO", "PHRASE", "DATE"}

// readoutLine shows a readout once: date, title, id and source.
func readoutLine(r query.Readout) string {
	date := r.Date
	if date == "" {
		date = "undated"
	}
	parts := []string{date, oneLine(short(r.Title, 90)), "readout " + oneLine(r.ID)}
	if r.Source != "" {
		parts = append(parts, oneLine(r.Source))
	}
	return strings.Join(parts, "  ")
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func quote(s string) string { return "“" + oneLine(s) + "”" }

// byReadout groups facts by readout, in the order readouts first appear,
// and within one readout by evidence sentence.
func byReadout(facts []query.Fact) [][]query.Fact {
	index := map[string]int{}
	var groups [][]query.Fact
	for _, f := range facts {
		i, ok := index[f.Readout.ID]
		if !ok {
			i = len(groups)
			index[f.Readout.ID] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	for i, g := range groups {
		var order []string
		bySentence := map[string][]query.Fact{}
		for _, f := range g {
			if _, ok := bySentence[f.Evidence]; !ok {
				order = append(order, f.Evidence)
			}
			bySentence[f.Evidence] = append(bySentence[f.Evidence], f)
		}
		groups[i] = groups[i][:0]
		for _, s := range order {
			groups[i] = append(groups[i], bySentence[s]...)
		}
	}
	return groups
}

func undatedNote(w *bufio.Writer, n int) {
	switch {
	case n == 1:
		w.WriteString("1 fact without a date left out\n")
	case n > 1:
		fmt.Fprintf(w, "%d facts without a date left out\n", n)
	}
}

func factsTable(out io.Writer, a query.Facts) error {
	w := bufio.NewWriter(out)
	groups := byReadout(a.Facts)
	w.WriteString(oneLine(factsTitle(a, len(groups))) + "\n")
	if a.Readout != nil {
		w.WriteString(readoutLine(*a.Readout) + "\n")
	}
	if len(a.Facts) == 0 {
		w.WriteString(oneLine(a.Empty) + "\n")
		undatedNote(w, a.Undated)
		return w.Flush()
	}
	g := &grid{}
	g.fit(factHeader)
	for _, f := range a.Facts {
		g.fit(factRow(f))
	}
	g.line(w, "    ", factHeader)
	for _, facts := range groups {
		if a.Readout == nil {
			w.WriteString(readoutLine(facts[0].Readout) + "\n")
		}
		for i, f := range facts {
			g.line(w, "    ", factRow(f))
			if f.Evidence != "" && (i == len(facts)-1 || facts[i+1].Evidence != f.Evidence) {
				w.WriteString("      " + quote(f.Evidence) + "\n")
			}
		}
	}
	undatedNote(w, a.Undated)
	return w.Flush()
}

func factsTitle(a query.Facts, readouts int) string {
	var what string
	switch a.Question {
	case "neighbors":
		what = "Relationships of " + query.Label(a.Of[0])
	case "timeline":
		what = "Timeline of " + query.Label(a.Of[0])
	case "commitments":
		what = "Commitments of " + query.Label(a.Of[0])
	case "topic":
		what = "What was said about " + query.Label(a.Of[0])
	case "members":
		what = "Members of " + query.Label(a.Of[0])
	case "topics":
		what = fmt.Sprintf("Topics %s and %s discussed", query.Label(a.Of[0]), query.Label(a.Of[1]))
	case "readout":
		what = "Readout " + a.Of[0].ID
	default:
		what = a.Question
	}
	what += rangeText(a.Range)
	return fmt.Sprintf("%s: %s in %s", what, plural(len(a.Facts), "fact"), plural(readouts, "readout"))
}

func rangeText(r query.DateRange) string {
	switch {
	case r.Since != "" && r.Until != "":
		return fmt.Sprintf(" from %s to %s", r.Since, r.Until)
	case r.Since != "":
		return " since " + r.Since
	case r.Until != "":
		return " until " + r.Until
	}
	return ""
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func relList(a query.Paths) string {
	names := relNames(a.Via)
	return strings.Join(names, ", ")
}

func pathsTable(out io.Writer, a query.Paths) error {
	w := bufio.NewWriter(out)
	if len(a.Paths) == 0 {
		fmt.Fprintf(w, "%s\n", oneLine(fmt.Sprintf("no path between %s and %s within %d hops via %s",
			query.Label(a.From), query.Label(a.To), a.MaxHops, relList(a))))
		return w.Flush()
	}
	fmt.Fprintf(w, "%s\n", oneLine(fmt.Sprintf("%s between %s and %s via %s",
		plural(len(a.Paths), "path"), query.Label(a.From), query.Label(a.To), relList(a))))
	header := []string{"HOP", "FROM", "RELATION", "TO", "PHRASE", "DATE", "READOUT"}
	for i, p := range a.Paths {
		var cited []query.Readout
		ref := map[string]int{}
		g := &grid{}
		g.fit(header)
		rows := make([][]string, len(p))
		for j, f := range p {
			n, ok := ref[f.Readout.ID]
			if !ok {
				cited = append(cited, f.Readout)
				n = len(cited)
				ref[f.Readout.ID] = n
			}
			row := factRow(f)
			row[4] = f.Date
			rows[j] = append(append([]string{strconv.Itoa(j + 1)}, row...), "["+strconv.Itoa(n)+"]")
			g.fit(rows[j])
		}
		fmt.Fprintf(w, "\nPath %d: %s, cost %d\n", i+1, plural(len(p), "hop"), pathCost(p))
		g.line(w, "  ", header)
		for _, r := range rows {
			g.line(w, "  ", r)
		}
		for n, r := range cited {
			fmt.Fprintf(w, "  [%d] %s\n", n+1, readoutLine(r))
			for _, s := range sentences(p, r.ID) {
				fmt.Fprintf(w, "      %s %s\n", hopList(s.hops), quote(s.text))
			}
		}
	}
	return w.Flush()
}

type sentence struct {
	text string
	hops []int
}

// sentences are the distinct evidence sentences a path cites from one
// readout, each with the hops it supports.
func sentences(p []query.Fact, readout string) []sentence {
	var out []sentence
	for j, f := range p {
		if f.Readout.ID != readout || f.Evidence == "" {
			continue
		}
		found := false
		for i := range out {
			if out[i].text == f.Evidence {
				out[i].hops = append(out[i].hops, j+1)
				found = true
			}
		}
		if !found {
			out = append(out, sentence{f.Evidence, []int{j + 1}})
		}
	}
	return out
}

func hopList(hops []int) string {
	parts := make([]string, len(hops))
	for i, h := range hops {
		parts[i] = strconv.Itoa(h)
	}
	if len(hops) == 1 {
		return "hop " + parts[0] + ":"
	}
	return "hops " + strings.Join(parts, ", ") + ":"
}

func meetingsTable(out io.Writer, a query.Meetings) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "%s\n", oneLine(fmt.Sprintf("Meetings of %s%s: %s", query.Label(a.Of), rangeText(a.Range), plural(len(a.Meetings), "meeting"))))
	if len(a.Meetings) == 0 {
		fmt.Fprintf(w, "%s\n", oneLine("no meetings of "+query.Label(a.Of)))
		undatedNote(w, a.Undated)
		return w.Flush()
	}
	header := []string{"DATE", "PARTICIPANTS", "ACT", "READOUT"}
	g := &grid{}
	g.fit(header)
	rows := make([][]string, len(a.Meetings))
	for i, m := range a.Meetings {
		var names []string
		for _, p := range m.Participants {
			names = append(names, p.Name)
		}
		date := m.Date
		if date == "" {
			date = "undated"
		}
		rows[i] = []string{date, oneLine(strings.Join(names, ", ")), strings.Join(acts(m.Facts), ", "), oneLine(short(m.Readout.Title, 60) + " (" + m.Readout.ID + ")")}
		g.fit(rows[i])
	}
	g.line(w, "", header)
	for i, m := range a.Meetings {
		g.line(w, "", rows[i])
		for _, s := range evidence(m.Facts) {
			w.WriteString("    " + quote(s) + "\n")
		}
	}
	undatedNote(w, a.Undated)
	return w.Flush()
}

func statsTable(out io.Writer, a query.Stats) error {
	question := a.Question
	t := Table{Title: "Graph contents", Columns: []string{"kind", "name", "count"}}
	if question == "stats" {
		t.Title = fmt.Sprintf("Graph contents: %s, %s", plural(a.TotalNodes(), "node"), plural(a.TotalEdges(), "edge"))
	}
	for _, l := range schema.Labels {
		t.Rows = append(t.Rows, []string{"node", string(l), strconv.Itoa(a.Nodes[l])})
	}
	for _, r := range schema.RelTypes {
		t.Rows = append(t.Rows, []string{"edge", string(r), strconv.Itoa(a.Edges[r])})
	}
	for _, y := range years(a.Stats) {
		name := y
		if y == "" {
			name = "undated"
		}
		t.Rows = append(t.Rows, []string{"year", name, strconv.Itoa(a.Years[y])})
	}
	t.Rows = append(t.Rows, []string{"check", "dangling edges", strconv.Itoa(a.Dangling)})
	if a.Verified {
		t.Rows = append(t.Rows, []string{"check", "storage integrity", "ok"})
	}
	return writeTable(out, t)
}
