package lexicon

import (
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/text"
	"gopkg.in/yaml.v3"
)

// Act is a speech act a readout reports: meeting, discussing, committing
// or expressing something, with the relationship it gives and its CAMEO
// event code.
type Act struct {
	Name     string   `yaml:"act"`
	Relation string   `yaml:"relation"` // a schema relationship type
	Cameo    string   `yaml:"cameo"`
	Words    []string `yaml:"words"`
}

type actsFile struct {
	Acts       []Act             `yaml:"acts"`
	Verbs      []string          `yaml:"verbs"`
	Ing        map[string]string `yaml:"ing"`
	Framing    []string          `yaml:"framing"`
	VagueHeads []string          `yaml:"vague_heads"`
	EmptyWords []string          `yaml:"empty_words"`
	Expressive []string          `yaml:"expressive_heads"`
	Assessment []string          `yaml:"assessment_heads"`
	Commitment []string          `yaml:"commitment_heads"`
}

// ObjectWords is the vocabulary that shapes the object of a speech act.
type ObjectWords struct {
	// Framing opens an object without being part of it ("the importance of").
	Framing *text.Trie[bool]
	// VagueHeads are heads a list after "including" stands in for.
	VagueHeads map[string]bool
	// Empty are words that say nothing alone.
	Empty map[string]bool
	// Expressive heads make a commitment word's object a feeling
	// ("reiterated its appreciation for").
	Expressive map[string]bool
	// Assessment heads opening an object make it an assessment ("agreed
	// on the importance of").
	Assessment map[string]bool
	// Commitment heads followed by "to" make an object a commitment
	// ("noted their shared commitment to").
	Commitment map[string]bool
}

// The relations an act may give.
var actRelations = map[string]bool{"MET_WITH": true, "DISCUSSED": true, "COMMITTED_TO": true, "EXPRESSED": true}

func loadActs(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/acts.yaml")
	if err != nil {
		return err
	}
	var f actsFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return fmt.Errorf("acts.yaml: %w", err)
	}
	lx.Acts, lx.ActIndex = f.Acts, &text.Trie[int]{}
	for i, a := range f.Acts {
		if !actRelations[a.Relation] || len(a.Cameo) != 3 {
			return fmt.Errorf("acts.yaml: act %q: relation %q, cameo %q", a.Name, a.Relation, a.Cameo)
		}
		for _, w := range a.Words {
			lx.ActIndex.Add(w, i)
		}
	}
	lx.Object = ObjectWords{Framing: &text.Trie[bool]{}, VagueHeads: set(f.VagueHeads), Empty: set(f.EmptyWords),
		Expressive: set(f.Expressive), Assessment: set(f.Assessment), Commitment: set(f.Commitment)}
	for _, w := range f.Framing {
		lx.Object.Framing.Add(w, true)
	}
	lx.verbs = map[string]string{}
	for _, v := range f.Verbs {
		lx.verbs[v] = ingForm(v, f.Ing)
	}
	return nil
}

// Gerund returns the -ing form of a verb the lexicon knows as the head of an
// infinitive object ("stay" gives "staying"), and false for other words.
func (lx *Lexicon) Gerund(verb string) (string, bool) {
	g, ok := lx.verbs[strings.ToLower(verb)]
	return g, ok
}

// ingForm spells the -ing form of a verb: an exception, else a silent e
// dropped ("promote", "promoting"), else the suffix added.
func ingForm(v string, exceptions map[string]string) string {
	if g, ok := exceptions[v]; ok {
		return g
	}
	if strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") && len(v) > 2 {
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// ActByName returns the index in Acts of the named act, or -1.
func (lx *Lexicon) ActByName(name string) int {
	for i, a := range lx.Acts {
		if a.Name == name {
			return i
		}
	}
	return -1
}
