package query

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// Engine answers questions over one store. Each question is written once,
// here, over the store's primitives (graph.Reader).
type Engine struct {
	Reader   graph.Reader
	Resolver Resolver
	MaxHops  int
}

// ActorRelations are the relationship types a path walks unless asked
// otherwise: those joining people and states.
var ActorRelations = []schema.RelType{schema.MetWith, schema.Represents, schema.MemberOf}

// statements are the relationship types of what someone said about a topic.
var statements = []schema.RelType{schema.Discussed, schema.CommittedTo, schema.Expressed}

// ParseRelations reads a comma-separated list of relationship types,
// in any case (met_with,DISCUSSED).
func ParseRelations(s string) ([]schema.RelType, error) {
	var out []schema.RelType
	for _, part := range strings.Split(s, ",") {
		t := schema.RelType(strings.ToUpper(strings.TrimSpace(part)))
		if t == "" {
			continue
		}
		if !graph.TypesOf(nil).Has(t) {
			return nil, fmt.Errorf("--via %q: not a relationship type a path can walk: want some of %s", part, relationNames())
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--via: no relationship type: want some of %s", relationNames())
	}
	return out, nil
}

func relationNames() string {
	var names []string
	for _, t := range graph.TypesOf(nil).Types() {
		names = append(names, string(t))
	}
	return strings.Join(names, ",")
}

// PathOptions shape a path question. Zero values mean the defaults: the
// actor relations, the engine's MaxHops, one path.
type PathOptions struct {
	Via     []schema.RelType
	MaxHops int
	Paths   int
}

// Path answers "how are A and B connected?".
func (e Engine) Path(ctx context.Context, a, b string, o PathOptions) (Paths, error) {
	na, nb, err := e.resolvePair(ctx, a, b)
	if err != nil {
		return Paths{}, err
	}
	if len(o.Via) == 0 {
		o.Via = ActorRelations
	}
	if o.MaxHops <= 0 {
		o.MaxHops = e.MaxHops
	}
	if o.Paths <= 0 {
		o.Paths = 1
	}
	ans := Paths{From: na, To: nb, Via: o.Via, MaxHops: o.MaxHops, Paths: [][]Fact{}}
	paths, err := e.Reader.Path(ctx, na.Key(), nb.Key(), graph.PathQuery{Types: o.Via, MaxHops: o.MaxHops, Limit: o.Paths})
	if err != nil {
		return ans, fmt.Errorf("path %s %s: %w", na.Key(), nb.Key(), err)
	}
	var hops []graph.Hop
	for _, p := range paths {
		hops = append(hops, p...)
	}
	facts, err := e.factsOf(ctx, hops)
	if err != nil {
		return ans, err
	}
	for _, p := range paths {
		ans.Paths = append(ans.Paths, facts[:len(p)])
		facts = facts[len(p):]
	}
	return ans, nil
}

// Neighbors lists every fact at X.
func (e Engine) Neighbors(ctx context.Context, x string, r DateRange) (Facts, error) {
	return e.factsAt(ctx, "neighbors", x, r, false, nil, func(n graph.Node) string { return "no relationships of " + Label(n) })
}

// Timeline lists X's facts (a state's: and its officials') in date order.
func (e Engine) Timeline(ctx context.Context, x string, r DateRange) (Facts, error) {
	return e.factsAt(ctx, "timeline", x, r, true, nil, func(n graph.Node) string { return "no facts of " + Label(n) })
}

// Commitments lists what X (a state: and its officials) committed to.
func (e Engine) Commitments(ctx context.Context, x string, r DateRange) (Facts, error) {
	return e.factsAt(ctx, "commitments", x, r, true, []schema.RelType{schema.CommittedTo}, func(n graph.Node) string { return "no commitments of " + Label(n) })
}

// Topic lists who discussed, committed to or expressed something about a
// topic, with their words.
func (e Engine) Topic(ctx context.Context, t string, r DateRange) (Facts, error) {
	ans, err := e.factsAt(ctx, "topic", t, r, false, statements, func(n graph.Node) string { return "nothing said about " + Label(n) })
	for i, f := range ans.Facts {
		ans.Facts[i] = f.turned() // the speaker first
	}
	return ans, err
}

// Members lists the states the readouts say belong to a forum.
func (e Engine) Members(ctx context.Context, forum string, r DateRange) (Facts, error) {
	ans, err := e.factsAt(ctx, "members", forum, r, false, []schema.RelType{schema.MemberOf}, func(n graph.Node) string { return "no members of " + Label(n) + " in the readouts" })
	if err != nil {
		return ans, err
	}
	keep := ans.Facts[:0]
	for _, f := range ans.Facts {
		if !f.Forward { // memberships of the forum, not the forum's own
			keep = append(keep, f.turned())
		}
	}
	ans.Facts = keep
	return ans, nil
}

// factsAt is the shape of most questions: the facts of some types at one
// node (with a state's officials when withOfficials), in date order,
// within a range.
func (e Engine) factsAt(ctx context.Context, question, x string, r DateRange, withOfficials bool,
	types []schema.RelType, empty func(graph.Node) string) (Facts, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return Facts{Facts: []Fact{}}, err
	}
	ans := Facts{Question: question, Of: []graph.Node{n}, Range: r, Empty: empty(n)}
	at := []string{n.Key()}
	if withOfficials {
		if at, err = e.officials(ctx, n); err != nil {
			return ans, err
		}
	}
	hops, err := e.Reader.Facts(ctx, graph.FactQuery{At: at, Types: types})
	if err != nil {
		return ans, fmt.Errorf("%s %s: %w", question, n.Key(), err)
	}
	if withOfficials {
		hops = fromAny(hops, at)
	}
	ans.Facts, ans.Undated, err = e.datedFacts(ctx, hops, r)
	return ans, err
}

// fromAny keeps the hops that start at one of the keys: the facts of a
// state's officials, not those of whoever they met at theirs.
func fromAny(hops []graph.Hop, keys []string) []graph.Hop {
	set := map[string]bool{}
	for _, k := range keys {
		set[k] = true
	}
	out := hops[:0]
	for _, h := range hops {
		if set[h.From.Key()] {
			out = append(out, h)
		}
	}
	return out
}

// officials is a node's key and, for a state, those of the officials
// representing it.
func (e Engine) officials(ctx context.Context, n graph.Node) ([]string, error) {
	keys := []string{n.Key()}
	if n.Label != schema.State {
		return keys, nil
	}
	hops, err := e.Reader.Facts(ctx, graph.FactQuery{At: keys, Types: []schema.RelType{schema.Represents}})
	if err != nil {
		return nil, fmt.Errorf("officials of %s: %w", n.Key(), err)
	}
	seen := map[string]bool{n.Key(): true}
	for _, h := range hops {
		if k := h.To.Key(); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// Topics lists what A and B (states: and their officials) discussed in
// the same readouts: both sides' DISCUSSED facts of each shared topic.
func (e Engine) Topics(ctx context.Context, a, b string, r DateRange) (Facts, error) {
	na, nb, err := e.resolvePair(ctx, a, b)
	if err != nil {
		return Facts{Facts: []Fact{}}, err
	}
	ans := Facts{Question: "topics", Of: []graph.Node{na, nb}, Range: r,
		Empty: fmt.Sprintf("no topic that %s and %s both discussed", Label(na), Label(nb))}
	var sides [2][]graph.Hop
	for i, n := range []graph.Node{na, nb} {
		keys, err := e.officials(ctx, n)
		if err != nil {
			return ans, err
		}
		hops, err := e.Reader.Facts(ctx, graph.FactQuery{At: keys, Types: []schema.RelType{schema.Discussed}})
		if err != nil {
			return ans, fmt.Errorf("topics of %s: %w", n.Key(), err)
		}
		sides[i] = fromAny(hops, keys)
	}
	shared := func(hops []graph.Hop) map[string]bool {
		m := map[string]bool{}
		for _, h := range hops {
			m[h.To.Key()+"|"+h.Edge.Readout] = true
		}
		return m
	}
	inA, inB := shared(sides[0]), shared(sides[1])
	var hops []graph.Hop
	seen := map[string]bool{}
	for _, h := range append(sides[0], sides[1]...) {
		k := h.To.Key() + "|" + h.Edge.Readout
		id := fmt.Sprint(h.Edge.Type, h.Edge.From, h.Edge.To, h.Edge.Readout, h.Edge.Evidence, h.Edge.Props[schema.PropPhrase])
		if inA[k] && inB[k] && !seen[id] {
			seen[id] = true
			hops = append(hops, h)
		}
	}
	graph.SortHops(hops)
	ans.Facts, ans.Undated, err = e.datedFacts(ctx, hops, r)
	return ans, err
}

// Meetings lists the meetings X (a state: its officials) took part in,
// one per readout and group of participants, in date order.
func (e Engine) Meetings(ctx context.Context, x string, r DateRange) (Meetings, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return Meetings{Meetings: []Meeting{}}, err
	}
	ans := Meetings{Of: n, Range: r, Meetings: []Meeting{}}
	keys, err := e.officials(ctx, n)
	if err != nil {
		return ans, err
	}
	hops, err := e.Reader.Facts(ctx, graph.FactQuery{At: keys, Types: []schema.RelType{schema.MetWith}})
	if err != nil {
		return ans, fmt.Errorf("meetings of %s: %w", n.Key(), err)
	}
	facts, err := e.factsOf(ctx, hops)
	if err != nil {
		return ans, err
	}
	facts, ans.Undated = r.filter(facts)
	ans.Meetings = groupMeetings(facts)
	return ans, nil
}

// groupMeetings makes a meeting of each readout's facts that share
// participants: a readout reporting two separate meetings gives two.
func groupMeetings(facts []Fact) []Meeting {
	byReadout := map[string][]Fact{}
	var order []string
	for _, f := range facts {
		if byReadout[f.Readout.ID] == nil {
			order = append(order, f.Readout.ID)
		}
		byReadout[f.Readout.ID] = append(byReadout[f.Readout.ID], f)
	}
	var out []Meeting
	for _, id := range order {
		out = append(out, components(byReadout[id])...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Readout.ID != b.Readout.ID {
			return a.Readout.ID < b.Readout.ID
		}
		return a.Participants[0].Key() < b.Participants[0].Key()
	})
	return out
}

// components splits one readout's meeting facts into groups joined by
// shared participants.
func components(facts []Fact) []Meeting {
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if parent[k] == "" || parent[k] == k {
			parent[k] = k
			return k
		}
		parent[k] = find(parent[k])
		return parent[k]
	}
	for _, f := range facts {
		a, b := find(f.From.Key()), find(f.To.Key())
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	groups := map[string]*Meeting{}
	var roots []string
	for _, f := range facts {
		root := find(f.From.Key())
		m := groups[root]
		if m == nil {
			m = &Meeting{Readout: f.Readout, Date: f.Date}
			groups[root] = m
			roots = append(roots, root)
		}
		if f.Date != "" && (m.Date == "" || f.Date < m.Date) {
			m.Date = f.Date
		}
		m.Facts = append(m.Facts, f)
		for _, p := range []graph.Node{f.From, f.To} {
			if !containsNode(m.Participants, p) {
				m.Participants = append(m.Participants, p)
			}
		}
	}
	out := make([]Meeting, 0, len(roots))
	for _, r := range roots {
		m := groups[r]
		sort.Slice(m.Participants, func(i, j int) bool { return m.Participants[i].Key() < m.Participants[j].Key() })
		out = append(out, *m)
	}
	return out
}

func containsNode(ns []graph.Node, n graph.Node) bool {
	for _, x := range ns {
		if x.Key() == n.Key() {
			return true
		}
	}
	return false
}

// Stats counts what the store holds, by label, by type and by year.
func (e Engine) Stats(ctx context.Context) (Stats, error) {
	st, err := e.Reader.Stats(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return Stats{Question: "stats", Stats: st}, nil
}

// Check counts what the store holds and has a store that can check its
// own storage do so.
func (e Engine) Check(ctx context.Context) (Stats, error) {
	st, err := e.Stats(ctx)
	if err != nil {
		return st, err
	}
	st.Question = "check"
	if v, ok := e.Reader.(graph.Verifier); ok {
		if err := v.Verify(ctx); err != nil {
			return st, err
		}
		st.Verified = true
	}
	return st, nil
}

func (e Engine) resolvePair(ctx context.Context, a, b string) (graph.Node, graph.Node, error) {
	na, err := e.Resolver.Resolve(ctx, a)
	if err != nil {
		return na, na, err
	}
	nb, err := e.Resolver.Resolve(ctx, b)
	return na, nb, err
}

// Label shows a node as "name (id)", or its id when that is its name.
func Label(n graph.Node) string {
	if n.Name == "" || n.Name == n.ID {
		return n.ID
	}
	return fmt.Sprintf("%s (%s)", n.Name, n.ID)
}

// MaxEgoDepth and maxEgoNodes bound a neighbourhood: three hops over actor
// relations already reach most of a region's ministers.
const (
	MaxEgoDepth = 3
	maxEgoNodes = 300
)

// Ego gathers X's neighbourhood: the facts within depth hops of X over the
// given relationship types (the actor relations when none), reaching at
// most a few hundred nodes, in date order. It is the question to draw.
func (e Engine) Ego(ctx context.Context, x string, depth int, via []schema.RelType, r DateRange) (Facts, error) {
	n, err := e.Resolver.Resolve(ctx, x)
	if err != nil {
		return Facts{Facts: []Fact{}}, err
	}
	if depth < 1 || depth > MaxEgoDepth {
		return Facts{Facts: []Fact{}}, fmt.Errorf("depth %d: want 1 to %d", depth, MaxEgoDepth)
	}
	if len(via) == 0 {
		via = ActorRelations
	}
	ans := Facts{Question: "ego", Of: []graph.Node{n}, Range: r, Empty: "no relationships of " + Label(n)}
	reached := map[string]bool{n.Key(): true}
	frontier := []string{n.Key()}
	seenEdge := map[string]bool{}
	var hops []graph.Hop
	for d := 0; d < depth && len(frontier) > 0; d++ {
		found, err := e.Reader.Facts(ctx, graph.FactQuery{At: frontier, Types: via})
		if err != nil {
			return ans, fmt.Errorf("ego %s: %w", n.Key(), err)
		}
		var next []string
		for _, h := range found {
			id := h.Edge.Readout + "\x00" + string(h.Edge.Type) + "\x00" + h.Edge.From + "\x00" + h.Edge.To + "\x00" + h.Edge.Props[schema.PropPhrase]
			if seenEdge[id] {
				continue
			}
			if !reached[h.To.Key()] {
				if len(reached) >= maxEgoNodes {
					continue
				}
				reached[h.To.Key()] = true
				next = append(next, h.To.Key())
			}
			seenEdge[id] = true
			hops = append(hops, h)
		}
		frontier = next
	}
	ans.Facts, ans.Undated, err = e.datedFacts(ctx, hops, r)
	return ans, err
}

// datedFacts turns hops into facts with their readouts, keeps those within
// r (counting the undated ones a bound left out) and orders them by date.
func (e Engine) datedFacts(ctx context.Context, hops []graph.Hop, r DateRange) ([]Fact, int, error) {
	facts, err := e.factsOf(ctx, hops)
	if err != nil {
		return nil, 0, err
	}
	kept, undated := r.filter(facts)
	sortByDate(kept)
	return kept, undated, nil
}
