package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/diplograph/diplograph/internal/schema"
)

// eventTypes are the relationships that are events: who did what to whom,
// when. Memberships and representation are states of affairs, and
// MENTIONS is a citation.
var eventTypes = map[schema.RelType]bool{
	schema.MetWith: true, schema.Discussed: true, schema.CommittedTo: true, schema.Expressed: true,
}

// Event is one row of the event table, in the shape event-data users know
// from GDELT: two actors, each with the state it stands for, the act and
// its CAMEO code, and where it was read.
type Event struct {
	Date          string `json:"date"`
	Actor1        string `json:"actor1"`
	Actor1Name    string `json:"actor1_name"`
	Actor1State   string `json:"actor1_state"`
	Relation      string `json:"relation"`
	Act           string `json:"act"`
	Cameo         string `json:"cameo"`
	Actor2        string `json:"actor2"`
	Actor2Name    string `json:"actor2_name"`
	Actor2State   string `json:"actor2_state"`
	Phrase        string `json:"phrase"`
	Readout       string `json:"readout"`
	ReadoutTitle  string `json:"readout_title"`
	ReadoutSource string `json:"readout_source"`
	Evidence      string `json:"evidence"`
}

var eventColumns = []string{"date", "actor1", "actor1_name", "actor1_state", "relation", "act", "cameo",
	"actor2", "actor2_name", "actor2_state", "phrase", "readout", "readout_title", "readout_source", "evidence"}

func (e Event) cells() []string {
	return []string{e.Date, e.Actor1, e.Actor1Name, e.Actor1State, e.Relation, e.Act, e.Cameo,
		e.Actor2, e.Actor2Name, e.Actor2State, e.Phrase, e.Readout, e.ReadoutTitle, e.ReadoutSource, e.Evidence}
}

// Events writes one row per event dated within r, as CSV (format "csv",
// cells a spreadsheet would run as formulas neutralised) or JSON Lines
// ("jsonl").
func Events(ctx context.Context, src Source, r graph.DateRange, format string, out io.Writer) error {
	if format != "csv" && format != "jsonl" {
		return fmt.Errorf("events format %q: csv or jsonl", format)
	}
	ix, err := indexActors(ctx, src)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 1<<16)
	cw := csv.NewWriter(w)
	enc := json.NewEncoder(w)
	if format == "csv" {
		cw.Write(eventColumns)
	}
	err = src.EachEdge(ctx, r, func(e graph.Edge) error {
		if !eventTypes[e.Type] {
			return nil
		}
		ev := ix.event(e)
		if format == "jsonl" {
			return enc.Encode(ev)
		}
		cells := ev.cells()
		for i := range cells {
			cells[i] = render.CSVCell(cells[i])
		}
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return w.Flush()
}

// actors is what an event row needs to know of the nodes: their names,
// the state (or forum) each official represents, and each readout's title
// and source.
type actors struct {
	name       map[string]string
	represents map[string]string
	title      map[string]string
	source     map[string]string
}

func indexActors(ctx context.Context, src Source) (*actors, error) {
	ix := &actors{name: map[string]string{}, represents: map[string]string{}, title: map[string]string{}, source: map[string]string{}}
	err := src.EachNode(ctx, func(n graph.Node) error {
		ix.name[n.Key()] = n.Name
		if n.Label == schema.Readout {
			ix.title[n.ID], ix.source[n.ID] = n.Props[schema.PropTitle], n.Props[schema.PropSource]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = src.EachEdge(ctx, graph.DateRange{}, func(e graph.Edge) error {
		if e.Type == schema.Represents {
			if _, id, ok := schema.SplitKey(e.To); ok {
				ix.represents[e.From] = id
			}
		}
		return nil
	})
	return ix, err
}

// stateOf is the state (or forum) an actor stands for: itself, or whom an
// official represents.
func (ix *actors) stateOf(key string) string {
	if l, id, ok := schema.SplitKey(key); ok && (l == schema.State || l == schema.Forum) {
		return id
	}
	return ix.represents[key]
}

func (ix *actors) event(e graph.Edge) Event {
	return Event{
		Date: e.Date, Actor1: e.From, Actor1Name: ix.name[e.From], Actor1State: ix.stateOf(e.From),
		Relation: string(e.Type), Act: e.Props[schema.PropAct], Cameo: e.Props[schema.PropCameo],
		Actor2: e.To, Actor2Name: ix.name[e.To], Actor2State: ix.stateOf(e.To),
		Phrase: e.Props[schema.PropPhrase], Readout: e.Readout, ReadoutTitle: ix.title[e.Readout],
		ReadoutSource: ix.source[e.Readout], Evidence: e.Evidence,
	}
}
