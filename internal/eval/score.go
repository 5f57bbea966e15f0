package eval

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// Categories, in report order. The first four are the core that the
// micro-F1 is taken over.
var Categories = []string{"states", "officials", "forums", "met_with", "member_of", "discussed", "committed_to"}

// Core are the categories of the micro-F1.
var Core = Categories[:4]

// Score counts one category's agreements over a set.
type Score struct {
	TP, FP, FN int
	// Phrase is set for discussed and committed_to, which are scored item
	// by item: TP and FP count distinct predicted items that do or do not
	// match a gold phrase, FN the gold phrases no predicted phrase matches,
	// and GoldItems all gold phrases.
	Phrase    bool
	GoldItems int
	// SoftHits of SoftItems gold items are covered by some prediction
	// (member_of: the pair predicted; phrases: see SoftMatch).
	SoftHits, SoftItems int
}

// Precision is TP/(TP+FP); 1 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or for a phrase category 1 - FN/GoldItems; 1 when
// there was nothing to find.
func (s Score) Recall() float64 {
	if s.Phrase {
		return 1 - float64(s.FN)/float64(max(1, s.GoldItems))
	}
	return ratio(s.TP, s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SoftRecall is SoftHits/SoftItems; 1 when there was nothing to find.
func (s Score) SoftRecall() float64 { return ratio(s.SoftHits, s.SoftItems) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement between extraction and gold.
type Miss struct {
	File     string // the gold file
	Category string
	Kind     string // "missed" (in gold, not predicted) or "spurious" (predicted, not in gold)
	Item     string
	// Evidence is the sentence a spurious edge cites, or for a missed
	// phrase the readout sentence that shares most of its words.
	Evidence string
	// Near is, for a phrase, the closest phrase on the other side (the
	// predicted one for a missed gold phrase, the gold one for a spurious
	// prediction) when they share a content word: a span cut differently.
	Near string
}

// scorer scores one extracted document against its gold.
type scorer struct {
	c     Case
	rep   *Report
	nodes map[string]graph.Node
	order []string          // node keys, first occurrence first
	match map[string]string // official node key -> gold name
	sents []string          // the readout's sentences, for evidence
}

func (rep *Report) add(c Case, d graph.Document, body string) {
	s := &scorer{c: c, rep: rep, nodes: map[string]graph.Node{}, sents: sentencesOf(body)}
	for _, n := range append([]graph.Node{d.Readout}, d.Nodes...) {
		if _, seen := s.nodes[n.Key()]; !seen {
			s.order = append(s.order, n.Key())
		}
		s.nodes[n.Key()] = n
	}
	g := c.Gold
	s.sets("states", minus(s.ids(schema.State), setFrom(g.ResolvableStates)), setFrom(g.States))
	s.sets("forums", s.ids(schema.Forum), setFrom(g.Forums))
	s.officials()
	s.metWith(d.Edges)
	s.memberOf(d.Edges)
	s.phrases(d.Edges, schema.Discussed, "discussed", append(append([]string(nil), g.Discussed...), g.CommittedTo...))
	s.phrases(d.Edges, schema.CommittedTo, "committed_to", g.CommittedTo)
	rep.Files++
}

func (s *scorer) miss(cat, kind, item, evidence, near string) {
	s.rep.Misses = append(s.rep.Misses, Miss{File: s.c.Name, Category: cat, Kind: kind, Item: item, Evidence: evidence, Near: near})
}

// ids are the upper-cased ids of the nodes with a label.
func (s *scorer) ids(l schema.Label) map[string]bool {
	out := map[string]bool{}
	for _, k := range s.order {
		if n := s.nodes[k]; n.Label == l {
			out[strings.ToUpper(n.ID)] = true
		}
	}
	return out
}

// sets scores a category of plain identifiers.
func (s *scorer) sets(cat string, pred, gold map[string]bool) {
	sc := s.rep.Scores[cat]
	for _, id := range sortedKeys(gold) {
		if pred[id] {
			sc.TP++
		} else {
			sc.FN++
			s.miss(cat, "missed", id, "", "")
		}
	}
	for _, id := range sortedKeys(pred) {
		if !gold[id] {
			sc.FP++
			s.miss(cat, "spurious", id, "", "")
		}
	}
	s.rep.Scores[cat] = sc
}

// officials matches predicted officials to gold names, first gold name in
// gold order that is the same person. A match to a resolvable official
// (named only by title) counts neither way.
func (s *scorer) officials() {
	g := s.c.Gold
	var names []string
	for _, o := range g.Officials {
		names = append(names, o.Name)
	}
	resolvable := setFrom(g.ResolvableOfficials)
	candidates := append(append([]string(nil), names...), g.ResolvableOfficials...)
	s.match = map[string]string{}
	matched := map[string]bool{}
	sc := s.rep.Scores["officials"]
	for _, k := range s.order {
		n := s.nodes[k]
		if n.Label != schema.Official {
			continue
		}
		for _, gn := range candidates {
			if SamePerson(n.Name, gn) {
				s.match[k] = gn
				break
			}
		}
		gn, ok := s.match[k]
		switch {
		case !ok:
			sc.FP++
			s.miss("officials", "spurious", n.Name, "", "")
		case !resolvable[gn]:
			matched[gn] = true
		}
	}
	sc.TP += len(matched)
	for _, gn := range sortedKeys(setFrom(names)) {
		if !matched[gn] {
			sc.FN++
			s.miss("officials", "missed", gn, "", "")
		}
	}
	s.rep.Scores["officials"] = sc
}

// metWith scores MET_WITH edges as unordered pairs of gold names. An edge
// whose ends are not two different gold officials is a false positive.
func (s *scorer) metWith(edges []graph.Edge) {
	pred := map[string]string{} // pair -> evidence
	sc := s.rep.Scores["met_with"]
	for _, e := range edges {
		if e.Type != schema.MetWith {
			continue
		}
		a, b := s.match[e.From], s.match[e.To]
		if a == "" || b == "" || a == b {
			sc.FP++
			s.miss("met_with", "spurious", s.name(e.From)+" — "+s.name(e.To)+" (an end is no gold official)", e.Evidence, "")
			continue
		}
		if _, ok := pred[pairKey(a, b)]; !ok {
			pred[pairKey(a, b)] = e.Evidence
		}
	}
	for _, p := range s.c.Gold.ResolvableMetWith {
		delete(pred, pairKey(p[0], p[1]))
	}
	gold := map[string]bool{}
	for _, p := range s.c.Gold.MetWith {
		gold[pairKey(p[0], p[1])] = true
	}
	for _, p := range sortedKeys(gold) {
		if _, ok := pred[p]; ok {
			sc.TP++
		} else {
			sc.FN++
			s.miss("met_with", "missed", showPair(p), "", "")
		}
	}
	for _, p := range sortedKeys(setOfKeys(pred)) {
		if !gold[p] {
			sc.FP++
			s.miss("met_with", "spurious", showPair(p), pred[p], "")
		}
	}
	s.rep.Scores["met_with"] = sc
}

// name is a node's name for a miss listing, or its key.
func (s *scorer) name(key string) string {
	if n, ok := s.nodes[key]; ok && n.Name != "" {
		return n.Name
	}
	return key
}

// memberOf scores MEMBER_OF edges as (state id, forum id) pairs.
func (s *scorer) memberOf(edges []graph.Edge) {
	pred := map[string]string{}
	for _, e := range edges {
		if e.Type == schema.MemberOf {
			p := idOf(e.From) + " " + idOf(e.To)
			if _, ok := pred[p]; !ok {
				pred[p] = e.Evidence
			}
		}
	}
	gold := map[string]bool{}
	for _, p := range s.c.Gold.MemberOf {
		gold[p[0]+" "+p[1]] = true
	}
	sc := s.rep.Scores["member_of"]
	for _, p := range sortedKeys(gold) {
		sc.SoftItems++
		if _, ok := pred[p]; ok {
			sc.TP++
			sc.SoftHits++
		} else {
			sc.FN++
			s.miss("member_of", "missed", p, "", "")
		}
	}
	for _, p := range sortedKeys(setOfKeys(pred)) {
		if !gold[p] {
			sc.FP++
			s.miss("member_of", "spurious", p, pred[p], "")
		}
	}
	s.rep.Scores["member_of"] = sc
}

// idOf is the upper-cased id of a node key ("State:jp" -> "JP").
func idOf(key string) string {
	if _, id, ok := strings.Cut(key, ":"); ok {
		return strings.ToUpper(id)
	}
	return strings.ToUpper(key)
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

func showPair(k string) string { return strings.Replace(k, "\x00", " — ", 1) }

func setFrom(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func setOfKeys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func minus(a, b map[string]bool) map[string]bool {
	for k := range b {
		delete(a, k)
	}
	return a
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
