package query

import (
	"context"
	"fmt"
	"strconv"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/diplograph/diplograph/internal/schema"
)

// Engine answers questions over one store.
type Engine struct {
	Reader   graph.Reader
	Resolver Resolver
	MaxHops  int
}

// hopColumns are the columns of every answer made of hops.
// The phrase is what was discussed, committed to or expressed in the
// readout's own words; the topic in "to" is the taxonomy's name for it.
var hopColumns = []string{"from", "relation", "to", "phrase", "date", "readout", "evidence"}

func hopRow(h graph.Hop) []string {
	return []string{label(h.From), relation(h), label(h.To), phrase(h.Edge), h.Edge.Date, h.Edge.Readout, h.Edge.Evidence}
}

// phrase shows an edge's own words, with the act when it is not the
// relationship's plain one ("welcomed: the agreement").
func phrase(e graph.Edge) string {
	p := e.Props[schema.PropPhrase]
	if act := e.Props[schema.PropAct]; p != "" && e.Type == schema.Expressed && act != "" {
		return act + ": " + p
	}
	return p
}

// relation shows the relationship type with its direction as the hop
// walks it, the way Cypher draws it: -[MEMBER_OF]-> or <-[MEMBER_OF]-.
func relation(h graph.Hop) string {
	if h.Edge.From == h.From.Key() {
		return "-[" + string(h.Edge.Type) + "]->"
	}
	return "<-[" + string(h.Edge.Type) + "]-"
}

func label(n graph.Node) string {
	if n.Name == "" || n.Name == n.ID {
		return n.ID
	}
	return fmt.Sprintf("%s (%s)", n.Name, n.ID)
}

func hopTable(title, empty string, hops []graph.Hop) render.Table {
	t := render.Table{Title: title, Columns: hopColumns, Detail: "evidence", Empty: empty}
	for _, h := range hops {
		t.Rows = append(t.Rows, hopRow(h))
	}
	return t
}

// Path answers "how are A and B connected?".
func (e Engine) Path(ctx context.Context, a, b string, maxHops int) (render.Table, error) {
	na, nb, err := e.resolvePair(ctx, a, b)
	if err != nil {
		return render.Table{}, err
	}
	if maxHops <= 0 {
		maxHops = e.MaxHops
	}
	paths, err := e.Reader.Path(ctx, na.Key(), nb.Key(), maxHops)
	if err != nil {
		return render.Table{}, err
	}
	t := render.Table{
		Columns: append([]string{"path", "hop"}, hopColumns...),
		Detail:  "evidence",
		Empty:   fmt.Sprintf("no path between %s and %s within %d hops", label(na), label(nb), maxHops),
	}
	if len(paths) > 0 {
		t.Title = fmt.Sprintf("%d shortest path(s) of %d hop(s) between %s and %s", len(paths), len(paths[0]), label(na), label(nb))
	}
	for i, p := range paths {
		for j, h := range p {
			t.Rows = append(t.Rows, append([]string{strconv.Itoa(i + 1), strconv.Itoa(j + 1)}, hopRow(h)...))
		}
	}
	return t, nil
}

// Neighbors lists every cited relationship of X.
func (e Engine) Neighbors(ctx context.Context, x string) (render.Table, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return render.Table{}, err
	}
	hops, err := e.Reader.Neighbors(ctx, n.Key())
	if err != nil {
		return render.Table{}, err
	}
	return hopTable("Relationships of "+label(n), "no relationships of "+label(n), hops), nil
}

// Meetings lists who X (or X's officials) met, within a date range.
func (e Engine) Meetings(ctx context.Context, x string, r graph.DateRange) (render.Table, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return render.Table{}, err
	}
	hops, err := e.Reader.Meetings(ctx, n.Key(), r)
	if err != nil {
		return render.Table{}, err
	}
	return hopTable("Meetings of "+label(n), "no meetings of "+label(n), hops), nil
}

// Commitments lists what X (or X's officials) committed to.
func (e Engine) Commitments(ctx context.Context, x string) (render.Table, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return render.Table{}, err
	}
	hops, err := e.Reader.Commitments(ctx, n.Key())
	if err != nil {
		return render.Table{}, err
	}
	return hopTable("Commitments of "+label(n), "no commitments of "+label(n), hops), nil
}

// Topics lists what A and B discussed in the same readouts.
func (e Engine) Topics(ctx context.Context, a, b string) (render.Table, error) {
	na, nb, err := e.resolvePair(ctx, a, b)
	if err != nil {
		return render.Table{}, err
	}
	hops, err := e.Reader.Topics(ctx, na.Key(), nb.Key())
	if err != nil {
		return render.Table{}, err
	}
	return hopTable(fmt.Sprintf("Topics %s and %s discussed", label(na), label(nb)),
		fmt.Sprintf("no topic that %s and %s both discussed", label(na), label(nb)), hops), nil
}

// Members lists the states the readouts say belong to a forum.
func (e Engine) Members(ctx context.Context, forum string) (render.Table, error) {
	n, err := e.Resolver.Resolve(ctx, forum)
	if err != nil {
		return render.Table{}, err
	}
	hops, err := e.Reader.Members(ctx, n.Key())
	if err != nil {
		return render.Table{}, err
	}
	return hopTable("Members of "+label(n), "no members of "+label(n)+" in the readouts", hops), nil
}

// Check reports what the store holds and any dangling edge.
func (e Engine) Check(ctx context.Context) (render.Table, graph.Stats, error) {
	st, err := e.Reader.Stats(ctx)
	if err != nil {
		return render.Table{}, st, err
	}
	t := render.Table{Title: "Graph contents", Columns: []string{"kind", "name", "count"}}
	for l, n := range st.Nodes {
		t.Rows = append(t.Rows, []string{"node", string(l), strconv.Itoa(n)})
	}
	for r, n := range st.Edges {
		t.Rows = append(t.Rows, []string{"edge", string(r), strconv.Itoa(n)})
	}
	sortRows(t.Rows)
	t.Rows = append(t.Rows, []string{"check", "dangling edges", strconv.Itoa(st.Dangling)})
	if v, ok := e.Reader.(graph.Verifier); ok {
		if err := v.Verify(ctx); err != nil {
			return t, st, err
		}
		t.Rows = append(t.Rows, []string{"check", "storage integrity", "ok"})
	}
	return t, st, nil
}

func (e Engine) resolvePair(ctx context.Context, a, b string) (graph.Node, graph.Node, error) {
	na, err := e.Resolver.Resolve(ctx, a)
	if err != nil {
		return na, na, err
	}
	nb, err := e.Resolver.Resolve(ctx, b)
	return na, nb, err
}
