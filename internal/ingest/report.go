package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/render"
)

// JSONReport streams results as one JSON document:
//
//	{"readouts":[{...}, ...],"errors":[{"source":...,"error":...}],"summary":{...}}
//
// Readouts are written as they come, so a corpus of any size streams out;
// errors are kept until the end.
type JSONReport struct {
	w      *bufio.Writer
	n      int
	errors []reportError
}

type reportError struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

type reportReadout struct {
	ID       string       `json:"id"`
	Source   string       `json:"source"`
	Title    string       `json:"title"`
	Date     *string      `json:"date"`
	Location *string      `json:"location"`
	Status   string       `json:"status,omitempty"`
	Nodes    []reportNode `json:"nodes"`
	Edges    []reportEdge `json:"edges"`
}

type reportNode struct {
	Key   string            `json:"key"`
	Label string            `json:"label"`
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Props map[string]string `json:"props,omitempty"`
}

type reportEdge struct {
	Type     string            `json:"type"`
	From     string            `json:"from"`
	To       string            `json:"to"`
	Date     string            `json:"date"`
	Evidence string            `json:"evidence"`
	Readout  string            `json:"readout"`
	Props    map[string]string `json:"props,omitempty"`
}

// NewJSONReport starts the document on w.
func NewJSONReport(w io.Writer) *JSONReport {
	r := &JSONReport{w: bufio.NewWriter(w)}
	r.w.WriteString(`{"readouts":[`)
	return r
}

// Sink records one result.
func (r *JSONReport) Sink(_ context.Context, res *Result) error {
	if res.Err != nil {
		r.errors = append(r.errors, reportError{Source: res.Source, Error: res.Err.Error()})
		return nil
	}
	b, err := json.Marshal(toReport(res))
	if err != nil {
		return err
	}
	if r.n > 0 {
		r.w.WriteByte(',')
	}
	r.n++
	r.w.Write(b)
	return nil
}

// Close ends the document with the errors and the summary.
func (r *JSONReport) Close(sum Summary) error {
	if r.errors == nil {
		r.errors = []reportError{}
	}
	errs, _ := json.Marshal(r.errors)
	s, _ := json.Marshal(struct {
		Summary
		ElapsedMS int64 `json:"elapsed_ms"`
	}{sum, sum.Elapsed.Milliseconds()})
	fmt.Fprintf(r.w, `],"errors":%s,"summary":%s}`+"\n", errs, s)
	return r.w.Flush()
}

func toReport(res *Result) reportReadout {
	rd := res.Readout
	out := reportReadout{ID: rd.ID, Source: rd.Source, Title: rd.Title, Nodes: []reportNode{}, Edges: []reportEdge{}}
	if rd.Date != "" {
		out.Date = &rd.Date
	}
	if rd.Location != "" {
		out.Location = &rd.Location
	}
	if res.Written {
		out.Status = statusName(res.Status)
	}
	for _, n := range append([]graph.Node{res.Doc.Readout}, res.Doc.Nodes...) {
		out.Nodes = append(out.Nodes, reportNode{Key: n.Key(), Label: string(n.Label), ID: n.ID, Name: n.Name, Props: n.Props})
	}
	for _, e := range res.Doc.Edges {
		out.Edges = append(out.Edges, reportEdge{Type: string(e.Type), From: e.From, To: e.To, Date: e.Date, Evidence: e.Evidence, Readout: e.Readout, Props: e.Props})
	}
	return out
}

func statusName(s graph.WriteStatus) string {
	switch s {
	case graph.Created:
		return "created"
	case graph.Replaced:
		return "replaced"
	default:
		return "unchanged"
	}
}

// TextReport prints one line per readout and one per failure.
func TextReport(w io.Writer, verbose bool) Sink {
	return func(_ context.Context, res *Result) error {
		if res.Err != nil {
			return nil // failures go to stderr as they happen
		}
		if !verbose {
			return nil
		}
		status := ""
		if res.Written {
			status = statusName(res.Status) + " "
		}
		_, err := fmt.Fprintf(w, "%s%s %s: %d nodes, %d edges\n", status, res.Readout.ID, render.Terminal(res.Source), len(res.Doc.Nodes)+1, len(res.Doc.Edges))
		return err
	}
}

// Chain runs sinks in order, stopping at the first error.
func Chain(sinks ...Sink) Sink {
	return func(ctx context.Context, r *Result) error {
		for _, s := range sinks {
			if s == nil {
				continue
			}
			if err := s(ctx, r); err != nil {
				return err
			}
		}
		return nil
	}
}

// Discard is a sink that keeps nothing.
func Discard(context.Context, *Result) error { return nil }
