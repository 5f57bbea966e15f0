package render

import (
	"embed"
	"encoding/json"
	"html/template"
	"io"
	"strconv"

	"github.com/diplograph/diplograph/internal/query"
)

// FormatHTML is one self-contained page that draws a graph-shaped answer
// with cytoscape (embedded at the version web/view pins, licence in
// view/LICENSE-cytoscape): it works offline, needing nothing at view time.
const FormatHTML = "html"

//go:embed view/page.html view/cytoscape.min.js view/LICENSE-cytoscape
var viewFiles embed.FS

var viewPage = template.Must(template.ParseFS(viewFiles, "view/page.html"))

// viewElement is a cytoscape element: a node or an edge and its data.
type viewElement struct {
	Data map[string]string `json:"data"`
}

func writeHTML(w io.Writer, v any, p *picture) error {
	lib, err := viewFiles.ReadFile("view/cytoscape.min.js")
	if err != nil {
		return err
	}
	var els []viewElement
	for i, n := range p.nodes {
		els = append(els, viewElement{Data: map[string]string{"id": nodeID(i), "key": n.Key(), "name": n.Name,
			"label": string(n.Label), "colour": labelColours[n.Label]}})
	}
	for i, e := range p.edges {
		els = append(els, viewElement{Data: map[string]string{"id": "e" + strconv.Itoa(i), "source": nodeID(e.from), "target": nodeID(e.to),
			"relation": string(e.fact.Relation), "phrase": e.fact.Phrase, "date": e.fact.Date, "readout": e.fact.Readout.ID,
			"readoutTitle": e.fact.Readout.Title, "evidence": e.fact.Evidence}})
	}
	data, err := json.Marshal(els)
	if err != nil {
		return err
	}
	var legend []struct{ Label, Colour string }
	for _, l := range sortedLabels() {
		legend = append(legend, struct{ Label, Colour string }{string(l), labelColours[l]})
	}
	return viewPage.Execute(w, map[string]any{
		"Title":    title(v),
		"Legend":   legend,
		"Elements": template.JS(data), // inside a JSON script block; json.Marshal escapes <, > and &
		"Library":  template.JS(lib),
	})
}

func nodeID(i int) string { return "n" + strconv.Itoa(i) }

// title names the page after the question.
func title(v any) string {
	switch a := v.(type) {
	case query.Paths:
		return "Diplograph: " + query.Label(a.From) + " to " + query.Label(a.To)
	case query.Facts:
		if len(a.Of) > 0 {
			return "Diplograph: " + a.Question + " " + query.Label(a.Of[0])
		}
		return "Diplograph: " + a.Question
	case query.Meetings:
		return "Diplograph: meetings of " + query.Label(a.Of)
	}
	return "Diplograph"
}
