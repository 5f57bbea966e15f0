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
	"github.com/diplograph/diplograph/internal/text"
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
		s := rep.Scores[c]
		for item := range got[c] {
			if want[c][item] {
				s.TP++
			} else {
				s.FP++
				rep.Misses = append(rep.Misses, Miss{name, c, "spurious", item})
			}
		}
		for item := range want[c] {
			if !got[c][item] {
				s.FN++
				rep.Misses = append(rep.Misses, Miss{name, c, "missed", item})
			}
		}
		rep.Scores[c] = s
	}
	rep.Files++
	return nil
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
		s["discussed"][TopicOf(lx, t)] = true
	}
	for _, t := range g.CommittedTo {
		s["committed-to"][TopicOf(lx, t)] = true
	}
	return s
}

func pair(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " " + b
}

// TopicOf maps an annotated topic phrase onto the taxonomy: the first
// taxonomy topic the phrase contains, else the phrase's own slug.
func TopicOf(lx *lexicon.Lexicon, phrase string) string {
	toks := text.Tokenize(phrase)
	for i := range toks {
		if vals, n := lx.TopicIndex.LongestAt(toks, i, nil); n > 0 {
			return lx.Topics[vals[0]].ID
		}
	}
	return lexicon.TopicID(phrase)
}
