// Package eval measures extraction against annotated readouts: precision,
// recall and F1 for states, officials, forums, met-with pairs, member-of
// pairs, discussed topics and committed-to topics, and a micro-F1 over all.
//
// An annotated set is a directory of readouts, each beside a NAME.gold.json
// file (see fixtures/devset/README.md for the format).
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// Gold is the annotation of one readout.
type Gold struct {
	Date        *string      `json:"date"`
	States      []string     `json:"states"`
	Officials   []GoldPerson `json:"officials"`
	Forums      []string     `json:"forums"`
	MetWith     [][2]string  `json:"met_with"`
	MemberOf    [][2]string  `json:"member_of"`
	Discussed   []string     `json:"discussed"`
	CommittedTo []string     `json:"committed_to"`
}

// GoldPerson is an annotated official.
type GoldPerson struct {
	Name  string `json:"name"`
	State string `json:"state"`
	Title string `json:"title"`
}

// Categories, in report order.
var Categories = []string{"states", "officials", "forums", "met-with", "member-of", "discussed", "committed-to"}

// Score counts matches for one category.
type Score struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP); 1 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN); 1 when nothing was to be found.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement, for finding out why a score is low.
type Miss struct {
	File, Category, Kind, Item string // Kind is "missed" or "spurious"
}

// Report is the outcome of an evaluation.
type Report struct {
	Files  int
	Scores map[string]Score
	Misses []Miss
}

// Micro is the micro-averaged score over every category.
func (r Report) Micro() Score {
	var m Score
	for _, s := range r.Scores {
		m.TP += s.TP
		m.FP += s.FP
		m.FN += s.FN
	}
	return m
}

// Table formats the report as the per-category table README shows.
func (r Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-13s %9s %9s %9s %6s %6s %6s\n", "category", "precision", "recall", "F1", "TP", "FP", "FN")
	row := func(name string, s Score) {
		fmt.Fprintf(&b, "%-13s %9.3f %9.3f %9.3f %6d %6d %6d\n", name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	for _, c := range Categories {
		row(c, r.Scores[c])
	}
	row("micro", r.Micro())
	fmt.Fprintf(&b, "(%d annotated readouts)\n", r.Files)
	return b.String()
}

// Run evaluates the extractor on every annotated readout in dir.
func Run(x *extract.Extractor, lx *lexicon.Lexicon, dir string) (Report, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return Report{}, err
	}
	if len(golds) == 0 {
		return Report{}, fmt.Errorf("evaluate %s: no *.gold.json files", dir)
	}
	sort.Strings(golds)
	rep := Report{Scores: map[string]Score{}}
	for _, g := range golds {
		if err := rep.add(x, lx, g); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func (rep *Report) add(x *extract.Extractor, lx *lexicon.Lexicon, goldPath string) error {
	base := strings.TrimSuffix(goldPath, ".gold.json")
	text, err := readoutFor(base)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return err
	}
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return fmt.Errorf("evaluate %s: %w", goldPath, err)
	}
	data, err := os.ReadFile(text)
	if err != nil {
		return err
	}
	r, err := readout.Parse(text, data)
	if err != nil {
		return fmt.Errorf("evaluate %s: %w", text, err)
	}
	got := predicted(x.Extract(r))
	want := expected(g, lx)
	name := filepath.Base(text)
	for _, c := range Categories {
		relaxed := c == "discussed" || c == "committed-to"
		tp, spurious, missed := match(got[c], want[c], relaxed, lx)
		s := rep.Scores[c]
		s.TP += tp
		s.FP += len(spurious)
		s.FN += len(missed)
		rep.Scores[c] = s
		for _, item := range spurious {
			rep.Misses = append(rep.Misses, Miss{name, c, "spurious", item})
		}
		for _, item := range missed {
			rep.Misses = append(rep.Misses, Miss{name, c, "missed", item})
		}
	}
	rep.Files++
	return nil
}

// match pairs predicted items with annotated ones: exactly, and, for
// topics outside the taxonomy when relaxed, by shared content words (a
// phrase is a span, and annotators and extractors cut spans differently).
func match(got, want map[string]bool, relaxed bool, lx *lexicon.Lexicon) (int, []string, []string) {
	tp := 0
	var spurious []string
	left := map[string]bool{}
	for item := range want {
		if got[item] {
			tp++
		} else {
			left[item] = true
		}
	}
	for _, item := range sortedKeys(got) {
		if want[item] {
			continue
		}
		if relaxed && isFree(lx, item) {
			if partner := closePhrase(item, left, lx); partner != "" {
				delete(left, partner)
				tp++
				continue
			}
		}
		spurious = append(spurious, item)
	}
	return tp, spurious, sortedKeys(left)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func isFree(lx *lexicon.Lexicon, id string) bool {
	_, ok := lx.Topic(id)
	return !ok
}

// closePhrase finds an unmatched annotated phrase outside the taxonomy
// that shares at least half of the shorter phrase's content words.
func closePhrase(item string, left map[string]bool, lx *lexicon.Lexicon) string {
	a := contentWords(item)
	for _, cand := range sortedKeys(left) {
		if !isFree(lx, cand) {
			continue
		}
		b := contentWords(cand)
		shared := 0
		for w := range a {
			if b[w] {
				shared++
			}
		}
		if shared > 0 && 2*shared >= min(len(a), len(b)) {
			return cand
		}
	}
	return ""
}

var stopWords = map[string]bool{
	"the": true, "of": true, "a": true, "an": true, "and": true, "in": true, "on": true, "to": true,
	"for": true, "with": true, "by": true, "between": true, "among": true, "its": true, "their": true,
	"s": true, "at": true, "as": true, "from": true,
}

// contentWords are a slug's words without stop words, crudely singular.
func contentWords(slug string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Split(slug, "-") {
		if stopWords[w] || w == "" {
			continue
		}
		out[strings.TrimSuffix(w, "s")] = true
	}
	return out
}

// readoutFor finds the readout file an annotation belongs to.
func readoutFor(base string) (string, error) {
	for _, ext := range []string{".txt", ".md", ".markdown", ".text"} {
		if _, err := os.Stat(base + ext); err == nil {
			return base + ext, nil
		}
	}
	return "", fmt.Errorf("evaluate %s: no readout beside the annotation", base)
}

type sets map[string]map[string]bool

func newSets() sets {
	s := sets{}
	for _, c := range Categories {
		s[c] = map[string]bool{}
	}
	return s
}

// predicted turns an extraction into the items it is scored on.
func predicted(d graph.Document) sets {
	s := newSets()
	for _, n := range d.Nodes {
		switch n.Label {
		case schema.State:
			s["states"][n.ID] = true
		case schema.Forum:
			s["forums"][n.ID] = true
		case schema.Official:
			s["officials"][n.ID] = true
		}
	}
	for _, e := range d.Edges {
		_, from, _ := schema.SplitKey(e.From)
		_, to, _ := schema.SplitKey(e.To)
		switch e.Type {
		case schema.MetWith:
			s["met-with"][pair(from, to)] = true
		case schema.MemberOf:
			s["member-of"][from+" "+to] = true
		case schema.Discussed:
			s["discussed"][to] = true
		case schema.CommittedTo:
			s["committed-to"][to] = true
		}
	}
	return s
}

// expected turns an annotation into the same items. A commitment counts as
// discussed too, as the extractor records it: a readout reports what was
// committed to as part of the discussion.
func expected(g Gold, lx *lexicon.Lexicon) sets {
	s := newSets()
	for _, c := range g.States {
		s["states"][c] = true
	}
	for _, f := range g.Forums {
		s["forums"][f] = true
	}
	for _, p := range g.Officials {
		s["officials"][lexicon.OfficialID(p.Name)] = true
	}
	for _, p := range g.MetWith {
		s["met-with"][pair(lexicon.OfficialID(p[0]), lexicon.OfficialID(p[1]))] = true
	}
	for _, p := range g.MemberOf {
		s["member-of"][p[0]+" "+p[1]] = true
	}
	for _, t := range append(append([]string(nil), g.Discussed...), g.CommittedTo...) {
		for _, id := range TopicIDs(lx, t) {
			s["discussed"][id] = true
		}
	}
	for _, t := range g.CommittedTo {
		for _, id := range TopicIDs(lx, t) {
			s["committed-to"][id] = true
		}
	}
	return s
}

func pair(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " " + b
}

// TopicIDs maps an annotated topic phrase onto the taxonomy (one phrase
// may name several topics), else makes it a topic of its own as the
// extractor would.
func TopicIDs(lx *lexicon.Lexicon, phrase string) []string {
	ts := lx.TopicsOf(phrase)
	if len(ts) == 0 {
		return []string{lexicon.TopicID(phrase)}
	}
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}
