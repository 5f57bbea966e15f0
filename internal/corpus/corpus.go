// Package corpus generates realistic synthetic readouts, deterministically
// from a seed, for benchmarks and scale tests: real office holders during
// their tenures, real states, forums and topics, written in the house
// styles the extractor reads (State Department, datelines, Japanese
// ministry, joint statements, calls), with negations mixed in.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/biter777/countries"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
)

// Generator writes readouts. It is not safe for concurrent use.
type Generator struct {
	rng     *rand.Rand
	lx      *lexicon.Lexicon
	holders []lexicon.Holder // foreign ministers and heads of government of states
	topics  []lexicon.Topic
	n       int
	world   *world // set by NewWorld: the world-shaped laws of who, when and what
}

// New returns a generator whose output depends only on seed.
func New(seed uint64) (*Generator, error) {
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), lx: lx, topics: lx.Topics}
	for _, h := range lx.Officials {
		if _, ok := lx.States[h.State]; ok && (h.Office == "foreign-minister" || h.Office == "head-of-government") {
			g.holders = append(g.holders, h)
		}
	}
	return g, nil
}

// Next returns the next readout.
func (g *Generator) Next() readout.Readout {
	g.n++
	a, b, date := g.pair()
	body := g.styles()[g.rng.IntN(len(g.styles()))](a, b, date)
	r, err := readout.Parse(fmt.Sprintf("generated/%07d.txt", g.n), []byte(body))
	if err != nil {
		panic(fmt.Sprintf("corpus: generated readout %d does not parse: %v", g.n, err)) // a bug in a template
	}
	return r
}

// pair picks two office holders of different states whose tenures overlap,
// and a date within the overlap.
func (g *Generator) pair() (lexicon.Holder, lexicon.Holder, time.Time) {
	if g.world != nil {
		return g.world.pair(g)
	}
	for {
		a := g.holders[g.rng.IntN(len(g.holders))]
		b := g.holders[g.rng.IntN(len(g.holders))]
		if a.State == b.State {
			continue
		}
		start := later(a.Start, b.Start, "2015-01-01")
		end := earlier(a.End, b.End, "2025-12-31")
		s, _ := time.Parse("2006-01-02", start)
		e, _ := time.Parse("2006-01-02", end)
		if !e.After(s) {
			continue
		}
		days := int(e.Sub(s).Hours() / 24)
		return a, b, s.AddDate(0, 0, g.rng.IntN(days+1))
	}
}

func later(dates ...string) string {
	sort.Strings(dates)
	return dates[len(dates)-1]
}

func earlier(a, b, limit string) string {
	out := limit
	for _, d := range []string{a, b} {
		if d != "" && d < out {
			out = d
		}
	}
	return out
}

func (g *Generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// topicPhrases picks n distinct topic phrases, names or synonyms.
func (g *Generator) topicPhrases(n int) []string {
	if g.world != nil {
		return g.world.topicPhrases(g, n)
	}
	seen := map[int]bool{}
	var out []string
	for len(out) < n {
		i := g.rng.IntN(len(g.topics))
		if seen[i] {
			continue
		}
		seen[i] = true
		t := g.topics[i]
		phrase := t.Name
		if len(t.Synonyms) > 0 && g.rng.IntN(2) == 0 {
			phrase = t.Synonyms[g.rng.IntN(len(t.Synonyms))]
		}
		out = append(out, phrase)
	}
	return out
}

// list joins phrases as English does: "a, b and c".
func list(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func (g *Generator) stateName(code string) string { return g.lx.States[code].Name }

// capital is the city a meeting in a state takes place in.
func capital(code string) string {
	c := countries.ByName(code).Capital().String()
	if c == "" || strings.Contains(c, "Unknown") {
		return "the capital"
	}
	return c
}
