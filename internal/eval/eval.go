// Package eval measures extraction against hand-annotated readouts, by the
// same rules as the reference scorer (score.py beside the real readouts):
// precision, recall and F1 for states, officials, forums and met-with
// pairs (and a micro-F1 over those four, the core), for member-of pairs,
// and for what was discussed and committed to, matched phrase by phrase.
// Every disagreement is kept as a Miss, to find out why a score is low.
//
// A set is a directory in one of two layouts (see LoadSet); the gold
// format is described in fixtures/devset/README.md.
package eval

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
)

// Report is the outcome of evaluating a set.
type Report struct {
	Files    int
	Scores   map[string]Score // by category
	Misses   []Miss           // in file order, then category order
	Failures []Failure        // readouts that could not be read; they score as nothing found
}

// Failure is a readout that could not be read.
type Failure struct {
	File string
	Err  error
}

// CoreScore is the micro-averaged score over the core categories.
func (r Report) CoreScore() Score {
	var m Score
	for _, c := range Core {
		s := r.Scores[c]
		m.TP += s.TP
		m.FP += s.FP
		m.FN += s.FN
	}
	return m
}

// Extractor turns a readout into a document; *extract.Extractor is one.
type Extractor interface {
	Extract(readout.Readout) graph.Document
}

// Run extracts every readout of the set in dir with x and scores it
// against its gold.
func Run(ctx context.Context, x Extractor, dir string) (Report, error) {
	cases, err := LoadSet(dir)
	if err != nil {
		return Report{}, err
	}
	return Evaluate(ctx, x, cases)
}

// Evaluate extracts and scores each case.
func Evaluate(ctx context.Context, x Extractor, cases []Case) (Report, error) {
	rep := Report{Scores: map[string]Score{}}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rd, err := read(ctx, c.Readout)
		var d graph.Document
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{File: c.Name, Err: err})
		} else {
			d = x.Extract(rd)
		}
		rep.add(c, d, rd.Body)
	}
	return rep, nil
}

// read reads one readout file the way ingest does, through
// readout.Reader: the same size limit, front matter and Markdown handling.
func read(ctx context.Context, path string) (readout.Readout, error) {
	var items []readout.Item
	r := &readout.Reader{}
	err := r.Read(ctx, []string{path}, func(it readout.Item) error {
		items = append(items, it)
		return nil
	})
	switch {
	case err != nil:
		return readout.Readout{}, err
	case len(items) != 1:
		return readout.Readout{}, fmt.Errorf("%s: %d readouts, want one", path, len(items))
	case items[0].Err != nil:
		return readout.Readout{}, fmt.Errorf("%s: %w", path, items[0].Err)
	}
	return items[0].Readout, nil
}
