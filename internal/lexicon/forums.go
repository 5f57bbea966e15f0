package lexicon

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/internal/text"

	"gopkg.in/yaml.v3"
)

// Forum is a multilateral forum or organisation.
type Forum struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

func loadForums(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/forums.yaml")
	if err != nil {
		return err
	}
	var forums []Forum
	if err := yaml.Unmarshal(raw, &forums); err != nil {
		return fmt.Errorf("forums.yaml: %w", err)
	}
	lx.Forums = map[string]Forum{}
	for _, f := range forums {
		if _, dup := lx.Forums[f.ID]; dup {
			return fmt.Errorf("forums.yaml: %s listed twice", f.ID)
		}
		lx.Forums[f.ID] = f
		for _, a := range append([]string{f.Name}, f.Aliases...) {
			lx.Entities.Add(a, Entry{Kind: KindForum, ID: f.ID, ExactCase: IsAcronym(a)})
		}
	}
	return nil
}

// Title is a title of office.
type Title struct {
	Title  string `yaml:"title"`
	Office string `yaml:"office"`
	State  string `yaml:"state"` // the one state that uses it, if only one does
	Head   string `yaml:"head"`  // the noun a later role mention uses
}

func loadTitles(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/titles.yaml")
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(raw, &lx.Titles); err != nil {
		return fmt.Errorf("titles.yaml: %w", err)
	}
	for i, t := range lx.Titles {
		lx.Entities.Add(t.Title, Entry{Kind: KindTitle, ID: fmt.Sprint(i), ExactCase: IsAcronym(t.Title)})
	}
	return nil
}

// Topic is one entry of the topic taxonomy.
type Topic struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Synonyms []string `yaml:"synonyms"`
	// Patterns name the topic by words that stand near each other rather
	// than by a fixed phrase: "north korea|dprk + nuclear|missile" matches
	// "Pyongyang's latest missile launch" as well as "the DPRK's nuclear
	// programme". Each pattern is groups joined by "+", each group
	// alternatives joined by "|"; every group must match within a window.
	Patterns []string `yaml:"patterns"`
}

// TopicPattern is a parsed Topic pattern: one trie of alternatives per group.
type TopicPattern struct {
	Topic  int
	Groups []*text.Trie[bool]
	// firsts holds, per group, the first words of its alternatives: a
	// sentence lacking all of one group's first words cannot match.
	firsts []map[string]bool
}

// possibleIn reports whether every group of the pattern has a first word
// among the tokens of a sentence: a cheap test that spares most
// sentences the full match.
func (p TopicPattern) possibleIn(toks []text.Token) bool {
	for _, g := range p.firsts {
		if !slices.ContainsFunc(toks, func(t text.Token) bool { return g[t.Norm] }) {
			return false
		}
	}
	return true
}

func loadTopics(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/topics.yaml")
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(raw, &lx.Topics); err != nil {
		return fmt.Errorf("topics.yaml: %w", err)
	}
	lx.topicByID = map[string]int{}
	for i, t := range lx.Topics {
		if _, dup := lx.topicByID[t.ID]; dup {
			return fmt.Errorf("topics.yaml: %s listed twice", t.ID)
		}
		lx.topicByID[t.ID] = i
		for _, s := range append([]string{t.Name}, t.Synonyms...) {
			lx.TopicIndex.Add(s, i)
		}
		for _, p := range t.Patterns {
			tp, err := parsePattern(i, p)
			if err != nil {
				return fmt.Errorf("topics.yaml: %s: %w", t.ID, err)
			}
			lx.TopicPatterns = append(lx.TopicPatterns, tp)
		}
	}
	lx.patternsByFirst = &text.Trie[int]{}
	for i, p := range lx.TopicPatterns {
		for w := range p.firsts[0] {
			lx.patternsByFirst.AddWord(w, i)
		}
	}
	return nil
}

// PossiblePatterns lists in order the TopicPatterns that a sentence of
// these tokens could match: those whose first group starts with one of
// its words and whose every other group could start in it too. Testing
// each sentence against every pattern was a tenth of extraction; most
// sentences start no pattern's first group, and are answered after one
// lookup a token.
func (lx *Lexicon) PossiblePatterns(toks []text.Token) []int {
	var found []int
	for _, t := range toks {
		found = append(found, lx.patternsByFirst.WordValues(t)...)
	}
	if len(found) == 0 {
		return nil
	}
	slices.Sort(found)
	found = slices.Compact(found)
	kept := found[:0]
	for _, i := range found {
		if lx.TopicPatterns[i].possibleIn(toks) {
			kept = append(kept, i)
		}
	}
	return kept
}

func parsePattern(topic int, p string) (TopicPattern, error) {
	tp := TopicPattern{Topic: topic}
	for _, g := range strings.Split(p, "+") {
		trie := &text.Trie[bool]{}
		firsts := map[string]bool{}
		n := 0
		for _, alt := range strings.Split(g, "|") {
			if alt = strings.TrimSpace(alt); alt != "" {
				trie.Add(alt, true)
				firsts[text.Tokenize(alt)[0].Norm] = true
				n++
			}
		}
		tp.firsts = append(tp.firsts, firsts)
		if n == 0 {
			return tp, fmt.Errorf("pattern %q has an empty group", p)
		}
		tp.Groups = append(tp.Groups, trie)
	}
	if len(tp.Groups) < 2 {
		return tp, fmt.Errorf("pattern %q needs two groups or more (a single phrase is a synonym)", p)
	}
	return tp, nil
}

// Topic returns the taxonomy topic with the given id.
func (lx *Lexicon) Topic(id string) (Topic, bool) {
	i, ok := lx.topicByID[id]
	if !ok {
		return Topic{}, false
	}
	return lx.Topics[i], true
}

// Match finds every group of a topic pattern within window tokens of
// the first group's word, in any order, and returns the span they cover.
func (p TopicPattern) Match(toks []text.Token, window int) (int, int, bool) {
	for i := range toks {
		if _, n := p.Groups[0].LongestAt(toks, i, nil); n == 0 {
			continue
		}
		start, end := i, i+1
		all := true
		for _, g := range p.Groups[1:] {
			found := false
			for j := max(0, i-window); j < len(toks) && j <= i+window; j++ {
				if _, n := g.LongestAt(toks, j, nil); n > 0 {
					start, end = min(start, j), max(end, j+n)
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return start, end, true
		}
	}
	return 0, 0, false
}

// PatternWindow is how many tokens a topic pattern's words may span.
const PatternWindow = 8

// TopicsOf maps a topic phrase onto the taxonomy: every topic a synonym
// finds in it ("trade and investment" is two), else the first a pattern
// finds, else none.
func (lx *Lexicon) TopicsOf(phrase string) []Topic {
	toks := text.Tokenize(phrase)
	var out []Topic
	for i := 0; i < len(toks); {
		vals, n := lx.TopicIndex.LongestAt(toks, i, nil)
		if n == 0 {
			i++
			continue
		}
		out = append(out, lx.Topics[vals[0]])
		i += n
	}
	if len(out) > 0 {
		return out
	}
	for _, p := range lx.TopicPatterns {
		if _, _, ok := p.Match(toks, PatternWindow); ok {
			return []Topic{lx.Topics[p.Topic]}
		}
	}
	return nil
}
