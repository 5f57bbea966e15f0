// Command patterns prints the extractor's gazetteer as spaCy EntityRuler
// patterns, one JSON object a line, so that bench/extract-vs-spacy.sh can
// give spaCy the very phrases the extractor looks for:
//
//	{"label":"STATE","pattern":"Japan","id":"JP"}
//	{"label":"FORUM","pattern":"ASEAN","id":"ASEAN","exact":true}
//
// It walks the lexicon's fields the way lexicon.load fills its two tries:
// state names, aliases and demonyms, the phrases that name nothing
// (states.yaml's _none, label NONE: they keep "Sea of Japan" from matching
// "Japan"), forum names and aliases, titles, known officials' names of two
// words or more, and topic names and synonyms. A phrase with diacritics
// comes folded as well ("Taro Kono"), since the trie compares folded
// tokens. Acronyms carry "exact": the extractor matches them only as
// written, every other phrase in any case.
// EntityRuler ignores the extra key; bench/spacy_rate.py reads it to put
// acronyms in a case-sensitive ruler of their own.
//
//	go run ./bench/patterns > patterns.jsonl
//
// It prints how many patterns it wrote on standard error.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
	"gopkg.in/yaml.v3"
)

// pattern is one EntityRuler pattern line.
type pattern struct {
	Label   string `json:"label"`
	Pattern string `json:"pattern"`
	ID      string `json:"id,omitempty"`
	Exact   bool   `json:"exact,omitempty"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "patterns: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	lx, err := lexicon.Default()
	if err != nil {
		return fmt.Errorf("load lexicon: %w", err)
	}
	none, err := nonePhrases()
	if err != nil {
		return err
	}
	ps := dedupe(withFolded(gazetteer(lx, none)))
	if err := checkInTries(lx, ps); err != nil {
		return err
	}
	if err := write(os.Stdout, ps); err != nil {
		return fmt.Errorf("write patterns: %w", err)
	}
	fmt.Fprintf(os.Stderr, "patterns: wrote %d patterns\n", len(ps))
	return nil
}

// gazetteer lists every phrase of the Entities and TopicIndex tries, in
// the order lexicon.load adds them.
func gazetteer(lx *lexicon.Lexicon, none []string) []pattern {
	var ps []pattern
	add := func(label, phrase, id string) {
		ps = append(ps, pattern{Label: label, Pattern: phrase, ID: id, Exact: lexicon.IsAcronym(phrase)})
	}
	for _, code := range sortedKeys(lx.States) {
		for _, a := range lx.States[code].Aliases {
			add("STATE", a, code)
		}
	}
	for _, p := range none {
		ps = append(ps, pattern{Label: "NONE", Pattern: p})
	}
	for _, id := range sortedKeys(lx.Forums) {
		f := lx.Forums[id]
		for _, a := range append([]string{f.Name}, f.Aliases...) {
			add("FORUM", a, id)
		}
	}
	for _, t := range lx.Titles {
		add("TITLE", t.Title, t.Office)
	}
	for _, h := range lx.Officials {
		for _, form := range append([]string{h.Name}, h.Aliases...) {
			// One-word forms are not in the trie: a bare surname is
			// resolved only after a title (lexicon.addHolder).
			if len(text.Tokenize(form)) >= 2 {
				ps = append(ps, pattern{Label: "PERSON", Pattern: form, ID: lexicon.OfficialID(h.Name)})
			}
		}
	}
	for _, t := range lx.Topics {
		for _, s := range append([]string{t.Name}, t.Synonyms...) {
			// Topics never match as written only: the trie's entries for
			// them carry no case rule.
			ps = append(ps, pattern{Label: "TOPIC", Pattern: s, ID: t.ID})
		}
	}
	return ps
}

// withFolded adds, after each phrase with diacritics or typographic marks,
// its folded form: the trie compares normalized tokens, so "Taro Kono"
// finds "Tarō Kōno", while spaCy's LOWER attribute keeps the marks. An
// acronym has none to fold.
func withFolded(ps []pattern) []pattern {
	out := make([]pattern, 0, len(ps))
	for _, p := range ps {
		out = append(out, p)
		if folded := text.Normalize(p.Pattern); !p.Exact && folded != strings.ToLower(p.Pattern) {
			p.Pattern = folded
			out = append(out, p)
		}
	}
	return out
}

// nonePhrases reads states.yaml's _none list, which the lexicon adds to the
// trie but keeps in no field. The script runs from the repository root.
func nonePhrases() ([]string, error) {
	const path = "internal/lexicon/data/states.yaml"
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s (run from the repository root): %w", path, err)
	}
	var states map[string][]string
	if err := yaml.Unmarshal(raw, &states); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return states["_none"], nil
}

// dedupe drops repeated patterns: a phrase listed twice for the same thing
// (an official's several tenures, a name that is also its first alias, a
// folded form that differs only in case) would only make spaCy's matcher
// hold it twice. Case counts only for acronyms, the only phrases matched
// as written.
func dedupe(ps []pattern) []pattern {
	seen := map[pattern]bool{}
	out := ps[:0]
	for _, p := range ps {
		key := p
		if !p.Exact {
			key.Pattern = strings.ToLower(p.Pattern)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}

// checkInTries makes sure every pattern is a phrase its trie holds, so that
// a change to lexicon.load shows here instead of skewing the benchmark.
func checkInTries(lx *lexicon.Lexicon, ps []pattern) error {
	for _, p := range ps {
		toks := text.Tokenize(p.Pattern)
		var n int
		if p.Label == "TOPIC" {
			_, n = lx.TopicIndex.LongestAt(toks, 0, nil)
		} else {
			_, n = lx.Entities.LongestAt(toks, 0, nil)
		}
		if n != len(toks) {
			return fmt.Errorf("%s %q is not a phrase of the lexicon's tries", p.Label, p.Pattern)
		}
	}
	return nil
}

func write(f *os.File, ps []pattern) error {
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range ps {
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return w.Flush()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
