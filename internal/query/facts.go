package query

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// ErrNoReadout is returned when a readout named by id or file is not in
// the store.
var ErrNoReadout = errors.New("no such readout in the store")

// factsOf turns hops into facts, each with its readout, read in one call.
// A fact without a date of its own takes its readout's.
func (e Engine) factsOf(ctx context.Context, hops []graph.Hop) ([]Fact, error) {
	var keys []string
	seen := map[string]bool{}
	for _, h := range hops {
		if k := schema.Key(schema.Readout, h.Edge.Readout); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	readouts := map[string]Readout{}
	if len(keys) > 0 {
		nodes, err := e.Reader.Nodes(ctx, keys)
		if err != nil {
			return nil, fmt.Errorf("readouts: %w", err)
		}
		for _, n := range nodes {
			readouts[n.ID] = readoutOf(n)
		}
	}
	facts := make([]Fact, len(hops))
	for i, h := range hops {
		rd, ok := readouts[h.Edge.Readout]
		if !ok {
			rd = Readout{ID: h.Edge.Readout}
		}
		f := Fact{
			From: h.From, Relation: h.Edge.Type, Forward: h.Edge.From == h.From.Key(), To: h.To,
			Phrase: h.Edge.Props[schema.PropPhrase], Act: h.Edge.Props[schema.PropAct], Cameo: h.Edge.Props[schema.PropCameo],
			Date: h.Edge.Date, Evidence: h.Edge.Evidence, Readout: rd,
		}
		if f.Date == "" {
			f.Date = rd.Date
		}
		facts[i] = f
	}
	return facts, nil
}

func readoutOf(n graph.Node) Readout {
	title := n.Prop(schema.PropTitle)
	if title == "" {
		title = n.Name
	}
	return Readout{ID: n.ID, Title: title, Date: n.Prop(schema.PropDate), Source: n.Prop(schema.PropSource)}
}

// sortByDate orders facts by date, the undated last, then by readout,
// keeping the store's order within a readout.
func sortByDate(facts []Fact) {
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.Readout.ID < b.Readout.ID
	})
}

// Readout lists everything one readout says, named by its id or by the
// file it was ingested from.
func (e Engine) Readout(ctx context.Context, idOrFile string) (Facts, error) {
	n, err := e.findReadout(ctx, idOrFile)
	if err != nil {
		return Facts{Facts: []Fact{}}, err
	}
	rd := readoutOf(n)
	ans := Facts{Question: "readout", Of: []graph.Node{n}, Readout: &rd, Empty: "no facts in readout " + n.ID}
	hops, err := e.Reader.Facts(ctx, graph.FactQuery{Readout: n.ID})
	if err != nil {
		return ans, fmt.Errorf("readout %s: %w", n.ID, err)
	}
	ans.Facts, err = e.factsOf(ctx, hops)
	return ans, err
}

// findReadout finds a readout by id, or reads a file as ingest does for
// the id its content gives it.
func (e Engine) findReadout(ctx context.Context, s string) (graph.Node, error) {
	id := s
	if l, rest, ok := schema.SplitKey(s); ok && l == schema.Readout {
		id = rest
	}
	n, err := e.Reader.Node(ctx, schema.Key(schema.Readout, id))
	if err == nil || !errors.Is(err, graph.ErrNotFound) {
		return n, err
	}
	info, statErr := os.Stat(s)
	if statErr != nil || !info.Mode().IsRegular() {
		return graph.Node{}, fmt.Errorf("%q: %w (neither a readout id nor a file)", s, ErrNoReadout)
	}
	var ids []string
	r := &readout.Reader{}
	err = r.Read(ctx, []string{s}, func(it readout.Item) error {
		if it.Err != nil {
			return it.Err
		}
		ids = append(ids, it.Readout.ID)
		return nil
	})
	switch {
	case err != nil:
		return graph.Node{}, fmt.Errorf("read %s: %w", s, err)
	case len(ids) != 1:
		return graph.Node{}, fmt.Errorf("%s holds %d readouts: name one by id", s, len(ids))
	}
	n, err = e.Reader.Node(ctx, schema.Key(schema.Readout, ids[0]))
	if errors.Is(err, graph.ErrNotFound) {
		return n, fmt.Errorf("%s (readout %s): %w; ingest it first", s, ids[0], ErrNoReadout)
	}
	return n, err
}
