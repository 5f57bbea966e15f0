package render

import (
	"encoding/json"
	"io"
	"sort"
	"strconv"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// The JSON of the answers: every field always present, null where there
// is no value, ids apart from display names, numbers as numbers.

type jsonNode struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	ID    string `json:"id"`
	Name  string `json:"name"`
}

type jsonReadout struct {
	ID     string  `json:"id"`
	Title  *string `json:"title"`
	Date   *string `json:"date"`
	Source *string `json:"source"`
}

type jsonFact struct {
	From      jsonNode    `json:"from"`
	Relation  string      `json:"relation"`
	Direction string      `json:"direction"` // "out": the relationship runs from "from" to "to"; "in": the other way
	To        jsonNode    `json:"to"`
	Phrase    *string     `json:"phrase"`
	Act       *string     `json:"act"`
	Cameo     *string     `json:"cameo"`
	Date      *string     `json:"date"`
	Evidence  *string     `json:"evidence"`
	Readout   jsonReadout `json:"readout"`
}

type jsonRange struct {
	Since *string `json:"since"`
	Until *string `json:"until"`
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nodeJSON(n graph.Node) jsonNode {
	return jsonNode{Key: n.Key(), Label: string(n.Label), ID: n.ID, Name: n.Name}
}

func nodesJSON(ns []graph.Node) []jsonNode {
	out := make([]jsonNode, len(ns))
	for i, n := range ns {
		out[i] = nodeJSON(n)
	}
	return out
}

func readoutJSON(r query.Readout) jsonReadout {
	return jsonReadout{ID: r.ID, Title: orNull(r.Title), Date: orNull(r.Date), Source: orNull(r.Source)}
}

func factJSON(f query.Fact) jsonFact {
	dir := "out"
	if !f.Forward {
		dir = "in"
	}
	return jsonFact{From: nodeJSON(f.From), Relation: string(f.Relation), Direction: dir, To: nodeJSON(f.To),
		Phrase: orNull(f.Phrase), Act: orNull(f.Act), Cameo: orNull(f.Cameo), Date: orNull(f.Date),
		Evidence: orNull(f.Evidence), Readout: readoutJSON(f.Readout)}
}

func factsJSON(fs []query.Fact) []jsonFact {
	out := make([]jsonFact, len(fs))
	for i, f := range fs {
		out[i] = factJSON(f)
	}
	return out
}

func rangeJSON(r query.DateRange) jsonRange {
	return jsonRange{Since: orNull(r.Since), Until: orNull(r.Until)}
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func pathsJSON(w io.Writer, a query.Paths) error {
	type jsonPath struct {
		Hops int        `json:"hops"`
		Cost int        `json:"cost"`
		Path []jsonFact `json:"path"`
	}
	out := struct {
		Question string     `json:"question"`
		From     jsonNode   `json:"from"`
		To       jsonNode   `json:"to"`
		Via      []string   `json:"via"`
		MaxHops  int        `json:"max_hops"`
		Paths    []jsonPath `json:"paths"`
	}{Question: "path", From: nodeJSON(a.From), To: nodeJSON(a.To), MaxHops: a.MaxHops, Via: relNames(a.Via), Paths: []jsonPath{}}
	for _, p := range a.Paths {
		out.Paths = append(out.Paths, jsonPath{Hops: len(p), Cost: pathCost(p), Path: factsJSON(p)})
	}
	return encode(w, out)
}

func pathCost(p []query.Fact) int {
	c := 0
	for _, f := range p {
		c += int(graph.Cost(f.Relation))
	}
	return c
}

func relNames(ts []schema.RelType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

func factsAnswerJSON(w io.Writer, a query.Facts) error {
	out := struct {
		Question string       `json:"question"`
		Of       []jsonNode   `json:"of"`
		Readout  *jsonReadout `json:"readout,omitempty"`
		Range    jsonRange    `json:"range"`
		Undated  int          `json:"undated_left_out"`
		Facts    []jsonFact   `json:"facts"`
	}{Question: a.Question, Of: nodesJSON(a.Of), Range: rangeJSON(a.Range), Undated: a.Undated, Facts: factsJSON(a.Facts)}
	if a.Readout != nil {
		r := readoutJSON(*a.Readout)
		out.Readout = &r
	}
	return encode(w, out)
}

func meetingsJSON(w io.Writer, a query.Meetings) error {
	type jsonMeeting struct {
		Date         *string     `json:"date"`
		Readout      jsonReadout `json:"readout"`
		Participants []jsonNode  `json:"participants"`
		Facts        []jsonFact  `json:"facts"`
	}
	out := struct {
		Question string        `json:"question"`
		Of       jsonNode      `json:"of"`
		Range    jsonRange     `json:"range"`
		Undated  int           `json:"undated_left_out"`
		Meetings []jsonMeeting `json:"meetings"`
	}{Question: "meetings", Of: nodeJSON(a.Of), Range: rangeJSON(a.Range), Undated: a.Undated, Meetings: []jsonMeeting{}}
	for _, m := range a.Meetings {
		out.Meetings = append(out.Meetings, jsonMeeting{Date: orNull(m.Date), Readout: readoutJSON(m.Readout),
			Participants: nodesJSON(m.Participants), Facts: factsJSON(m.Facts)})
	}
	return encode(w, out)
}

type jsonCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type jsonYear struct {
	Year  *int `json:"year"` // null: facts without a date
	Count int  `json:"count"`
}

func statsJSON(w io.Writer, a query.Stats) error {
	question := a.Question
	out := struct {
		Question string      `json:"question"`
		Nodes    []jsonCount `json:"nodes"`
		Edges    []jsonCount `json:"edges"`
		Years    []jsonYear  `json:"years"`
		Dangling int         `json:"dangling"`
		Verified *bool       `json:"storage_verified,omitempty"`
	}{Question: question, Nodes: []jsonCount{}, Edges: []jsonCount{}, Years: []jsonYear{}, Dangling: a.Dangling}
	for _, l := range schema.Labels {
		out.Nodes = append(out.Nodes, jsonCount{string(l), a.Nodes[l]})
	}
	for _, t := range schema.RelTypes {
		out.Edges = append(out.Edges, jsonCount{string(t), a.Edges[t]})
	}
	for _, y := range years(a.Stats) {
		jy := jsonYear{Count: a.Years[y]}
		if n, err := strconv.Atoi(y); err == nil {
			jy.Year = &n
		}
		out.Years = append(out.Years, jy)
	}
	if question == "check" {
		out.Verified = &a.Verified
	}
	return encode(w, out)
}

// years lists the years of a Stats in order, "" (undated) last.
func years(st graph.Stats) []string {
	var ys []string
	for y := range st.Years {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool {
		if (ys[i] == "") != (ys[j] == "") {
			return ys[j] == ""
		}
		return ys[i] < ys[j]
	})
	return ys
}
