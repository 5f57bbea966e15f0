package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/internal/lexicon"
)

// WorldOptions shape a corpus like the world it stands for: every state,
// the real office holders in their tenures beside a long tail of generated
// officials, a long tail of topic phrases beside the taxonomy, readouts
// growing year by year, and a skewed (Zipf) law for how often each state,
// official and topic appears. A zero field takes its default.
type WorldOptions struct {
	Seed uint64
	// FromYear and ToYear bound the readouts' dates (default 2000-2025).
	FromYear, ToYear int
	// Skew is the Zipf exponent of states, officials and topics (default
	// 1.1): the most cited state appears about twice as often as the
	// second, and most states rarely.
	Skew float64
	// TailOfficials is how many generated officials each state has over
	// the years, beside its real ones (default 40).
	TailOfficials int
	// TailTopics is how many generated topic phrases there are (default
	// 50,000).
	TailTopics int
}

func (o WorldOptions) withDefaults() WorldOptions {
	if o.FromYear == 0 {
		o.FromYear = 2000
	}
	if o.ToYear == 0 {
		o.ToYear = 2025
	}
	if o.Skew <= 1 {
		o.Skew = 1.1
	}
	if o.TailOfficials == 0 {
		o.TailOfficials = 40
	}
	if o.TailTopics == 0 {
		o.TailTopics = 50000
	}
	return o
}

// world is what a world-shaped generator draws from.
type world struct {
	opts    WorldOptions
	states  []string                    // by rank: the first is cited most
	byState map[string][]lexicon.Holder // real and generated office holders
	stateZ  *rand.Zipf
	topicZ  *rand.Zipf
	tail    []string // generated topic phrases, by rank
}

// NewWorld returns a generator of world-shaped readouts whose output
// depends only on the options.
func NewWorld(opts WorldOptions) (*Generator, error) {
	g, err := New(opts.Seed)
	if err != nil {
		return nil, err
	}
	w := &world{opts: opts.withDefaults(), byState: map[string][]lexicon.Holder{}}
	w.rankStates(g)
	for _, h := range g.lx.Officials {
		if _, ok := g.lx.States[h.State]; ok {
			w.byState[h.State] = append(w.byState[h.State], h)
		}
	}
	for _, st := range w.states {
		w.byState[st] = append(w.byState[st], w.tailOfficials(g, st)...)
	}
	w.tail = tailTopics(g.rng, w.opts.TailTopics)
	w.stateZ = rand.NewZipf(g.rng, w.opts.Skew, 1, uint64(len(w.states)-1))
	w.topicZ = rand.NewZipf(g.rng, w.opts.Skew, 1, uint64(len(g.topics)+len(w.tail)-1))
	g.world = w
	return g, nil
}

// rankStates orders the states for the Zipf law: those with office holders
// in the lexicon (the ones readouts are mostly about) first, each group
// shuffled by the seed.
func (w *world) rankStates(g *Generator) {
	known := map[string]bool{}
	for _, h := range g.lx.Officials {
		known[h.State] = true
	}
	var first, rest []string
	for code := range g.lx.States {
		if known[code] {
			first = append(first, code)
		} else {
			rest = append(rest, code)
		}
	}
	sort.Strings(first)
	sort.Strings(rest)
	g.rng.Shuffle(len(first), func(i, j int) { first[i], first[j] = first[j], first[i] })
	g.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	w.states = append(first, rest...)
}

// tailOffices are the posts generated officials hold.
var tailOffices = []struct{ title, office string }{
	{"Foreign Minister", "foreign-minister"}, {"Deputy Foreign Minister", "deputy-foreign-minister"},
	{"Minister of Trade", "trade-minister"}, {"Minister of Defence", "defence-minister"},
	{"Minister of Finance", "finance-minister"}, {"Ambassador", "ambassador"},
}

// tailOfficials gives a state n generated officials, each holding a post
// for two to six years somewhere in the corpus's span.
func (w *world) tailOfficials(g *Generator, state string) []lexicon.Holder {
	out := make([]lexicon.Holder, w.opts.TailOfficials)
	span := w.opts.ToYear - w.opts.FromYear + 1
	for i := range out {
		post := tailOffices[g.rng.IntN(len(tailOffices))]
		start := w.opts.FromYear + g.rng.IntN(span)
		end := start + 2 + g.rng.IntN(5)
		out[i] = lexicon.Holder{State: state, Office: post.office, Title: post.title, Name: personName(g.rng),
			Start: fmt.Sprintf("%d-01-01", start), End: fmt.Sprintf("%d-12-31", min(end, w.opts.ToYear))}
	}
	return out
}

var syllables = []string{"ba", "da", "fe", "gi", "ko", "la", "me", "ni", "po", "ra", "sa", "te", "vo", "ya", "zu", "ri", "lo", "mi", "na", "ke"}

// personName makes a two-part name no real official holds.
func personName(rng *rand.Rand) string {
	part := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return part(2+rng.IntN(2)) + " " + part(2+rng.IntN(2))
}

var (
	tailAdjectives = []string{"maritime", "digital", "regional", "civil", "coastal", "agricultural", "nuclear", "urban",
		"financial", "scientific", "cultural", "industrial", "medical", "rural", "judicial", "electoral", "energy",
		"water", "space", "cyber", "customs", "forestry", "fisheries", "mining", "railway", "port", "aviation", "postal"}
	tailNouns = []string{"safety", "standards", "training", "research", "infrastructure", "resilience", "governance",
		"exchanges", "connectivity", "investment", "capacity", "monitoring", "data", "supply chains", "skills",
		"innovation", "reform", "security", "inspection", "certification", "planning", "finance", "partnerships"}
	tailFrames = []string{"cooperation on %s", "joint work on %s", "a dialogue on %s", "support for %s",
		"a programme of %s", "closer ties in %s"}
)

// tailTopics makes n distinct topic phrases the taxonomy does not hold,
// in a seeded order.
func tailTopics(rng *rand.Rand, n int) []string {
	var all []string
	for _, f := range tailFrames {
		for _, a := range tailAdjectives {
			for _, b := range tailAdjectives {
				for _, noun := range tailNouns {
					if a != b {
						all = append(all, fmt.Sprintf(f, a+" and "+b+" "+noun))
					}
				}
			}
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(n, len(all))]
}

// pair picks two office holders of states drawn by the Zipf law, in office
// on a date drawn with readouts growing year by year.
func (w *world) pair(g *Generator) (lexicon.Holder, lexicon.Holder, time.Time) {
	for {
		date := w.date(g.rng)
		sa, sb := w.states[w.stateZ.Uint64()], w.states[w.stateZ.Uint64()]
		if sa == sb {
			continue
		}
		a, okA := w.holder(g.rng, sa, date)
		b, okB := w.holder(g.rng, sb, date)
		if okA && okB {
			return a, b, date
		}
	}
}

// date draws a day, a later year being likelier in proportion to its rank.
func (w *world) date(rng *rand.Rand) time.Time {
	years := w.opts.ToYear - w.opts.FromYear + 1
	total := years * (years + 1) / 2
	k := rng.IntN(total)
	y := 0
	for acc := 0; y < years; y++ {
		acc += y + 1
		if k < acc {
			break
		}
	}
	start := time.Date(w.opts.FromYear+y, 1, 1, 0, 0, 0, 0, time.UTC)
	return start.AddDate(0, 0, rng.IntN(365))
}

// holder picks one of a state's office holders in office on date.
func (w *world) holder(rng *rand.Rand, state string, date time.Time) (lexicon.Holder, bool) {
	day := date.Format("2006-01-02")
	var now []lexicon.Holder
	for _, h := range w.byState[state] {
		if h.HeldOn(day) {
			now = append(now, h)
		}
	}
	if len(now) == 0 {
		return lexicon.Holder{}, false
	}
	return now[rng.IntN(len(now))], true
}

// topicPhrases picks n distinct phrases by the Zipf law over the taxonomy
// topics (ranked first) and the generated tail.
func (w *world) topicPhrases(g *Generator, n int) []string {
	seen := map[uint64]bool{}
	var out []string
	for len(out) < n {
		k := w.topicZ.Uint64()
		if seen[k] {
			continue
		}
		seen[k] = true
		if int(k) < len(g.topics) {
			t := g.topics[k]
			out = append(out, t.Name)
			continue
		}
		out = append(out, w.tail[int(k)-len(g.topics)])
	}
	return out
}
