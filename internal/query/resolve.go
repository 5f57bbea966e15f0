// Package query answers the relationship questions of the query command
// over any graph.Reader: it resolves the names an analyst types to nodes,
// and answers each question, written once over the store primitives of
// graph.Reader, as typed values (facts with their readouts, meetings,
// paths) that internal/render prints.
package query

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// Errors a name can fail to resolve with; both list candidates.
var (
	ErrUnknownName   = errors.New("no such state, official, forum or topic in the graph")
	ErrAmbiguousName = errors.New("name matches more than one node")
)

// NameError says which name failed and what it might have meant.
type NameError struct {
	Name       string
	Err        error
	Candidates []graph.Node
}

func (e *NameError) Error() string {
	msg := fmt.Sprintf("%q: %v", e.Name, e.Err)
	if len(e.Candidates) > 0 {
		var cs []string
		for _, c := range e.Candidates {
			cs = append(cs, fmt.Sprintf("%s (%s)", c.Name, c.Key()))
		}
		msg += "; did you mean: " + strings.Join(cs, ", ")
	}
	return msg
}

func (e *NameError) Unwrap() error { return e.Err }

// maxNameLength bounds what a resolver will look at: a name is a few words.
const maxNameLength = 200

// Resolver turns a name as an analyst types it (US, United States, Japan,
// Blinken, Quad, State:US) into a node of the graph.
type Resolver struct {
	Reader  graph.Reader
	Lexicon *lexicon.Lexicon
	// LoadLexicon, when Lexicon is nil, loads it the first time a name
	// needs it: a node key or a state's or forum's code does not, and
	// loading the vocabulary is most of what a new process spends on a
	// question.
	LoadLexicon func() (*lexicon.Lexicon, error)
}

// Resolve finds the one node a name means.
func (r Resolver) Resolve(ctx context.Context, name string) (graph.Node, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > maxNameLength {
		return graph.Node{}, &NameError{Name: truncate(name), Err: ErrUnknownName}
	}
	// A key typed out, or a state's or forum's code, is looked up as the
	// vocabulary would look it up, and in the same order, without it.
	up := strings.ToUpper(name)
	direct := []string{schema.Key(schema.State, up), schema.Key(schema.Forum, up)}
	if l, id, ok := schema.SplitKey(name); ok {
		direct = append([]string{schema.Key(l, id)}, direct...)
	}
	for _, key := range direct {
		if n, err := r.Reader.Node(ctx, key); err == nil {
			return n, nil
		} else if !errors.Is(err, graph.ErrNotFound) {
			return graph.Node{}, err
		}
	}
	if r.Lexicon == nil && r.LoadLexicon != nil {
		lx, err := r.LoadLexicon()
		if err != nil {
			return graph.Node{}, fmt.Errorf("load vocabulary: %w", err)
		}
		r.Lexicon = lx
	}
	keys := r.lexiconKeys(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		keys = append(keys, r.lexiconKeys(name[4:])...) // "the Quad", "the G7"
	}
	for _, key := range keys {
		if n, err := r.Reader.Node(ctx, key); err == nil {
			return n, nil
		} else if !errors.Is(err, graph.ErrNotFound) {
			return graph.Node{}, err
		}
	}
	found, err := r.Reader.FindNodes(ctx, name, 50)
	if err != nil {
		return graph.Node{}, err
	}
	if n, ok, amb := pickExact(name, found); ok {
		return n, nil
	} else if len(amb) > 1 {
		return graph.Node{}, &NameError{Name: name, Err: ErrAmbiguousName, Candidates: amb}
	}
	if len(found) == 1 && found[0].Prop(schema.PropKind) != schema.TopicKindPhrase {
		return found[0], nil
	}
	if len(found) == 1 {
		// A phrase that merely holds the name ("their intention to work
		// through the Quad") is offered, not taken.
		return graph.Node{}, &NameError{Name: name, Err: ErrUnknownName, Candidates: found}
	}
	if len(found) > 1 {
		return graph.Node{}, &NameError{Name: name, Err: ErrAmbiguousName, Candidates: closest(name, found, 5)}
	}
	return graph.Node{}, &NameError{Name: name, Err: ErrUnknownName, Candidates: r.suggest(ctx, name)}
}

// lexiconKeys are the node keys the vocabulary says a name stands for: a
// key typed out, a state's or forum's code, name or alias, a known
// official's name.
func (r Resolver) lexiconKeys(name string) []string {
	var keys []string
	if r.Lexicon == nil {
		return nil
	}
	if l, id, ok := schema.SplitKey(name); ok {
		keys = append(keys, schema.Key(l, id))
	}
	up := strings.ToUpper(name)
	if _, ok := r.Lexicon.States[up]; ok {
		keys = append(keys, schema.Key(schema.State, up))
	}
	if _, ok := r.Lexicon.Forums[up]; ok {
		keys = append(keys, schema.Key(schema.Forum, up))
	}
	toks := text.Tokenize(name)
	vals, n := r.Lexicon.Entities.LongestAt(toks, 0, nil)
	if n == len(toks) {
		for _, e := range vals {
			switch e.Kind {
			case lexicon.KindState:
				keys = append(keys, schema.Key(schema.State, e.ID))
			case lexicon.KindForum:
				keys = append(keys, schema.Key(schema.Forum, e.ID))
			case lexicon.KindPerson:
				if h, ok := r.Lexicon.HolderAt(e.ID); ok {
					keys = append(keys, schema.Key(schema.Official, lexicon.OfficialID(h.Name)))
				}
			}
		}
	}
	return keys
}

// pickExact looks for nodes whose id or name equals the text, or an
// official whose surname does. It reports the candidates when several do.
func pickExact(name string, found []graph.Node) (graph.Node, bool, []graph.Node) {
	norm := text.Normalize(name)
	var exact, surname []graph.Node
	for _, n := range found {
		switch {
		case text.Normalize(n.ID) == norm || text.Normalize(n.Name) == norm:
			exact = append(exact, n)
		case n.Label == schema.Official && lastWord(text.Normalize(n.Name)) == norm:
			surname = append(surname, n)
		}
	}
	for _, set := range [][]graph.Node{exact, surname} {
		if len(set) == 1 {
			return set[0], true, nil
		}
		if len(set) > 1 {
			return graph.Node{}, false, set
		}
	}
	return graph.Node{}, false, nil
}

// suggest finds nodes whose names are close to a name that matched none.
func (r Resolver) suggest(ctx context.Context, name string) []graph.Node {
	var pool []graph.Node
	for _, probe := range probes(name) {
		found, err := r.Reader.FindNodes(ctx, probe, 200)
		if err == nil {
			pool = append(pool, found...)
		}
	}
	return closest(name, pool, 5)
}

// probes are short pieces of a name to search for: its first letters and
// each word's.
func probes(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 3 {
			r = r[:3]
		}
		out = append(out, string(r))
	}
	return out
}

// closest ranks nodes by edit distance to name and keeps the first n.
func closest(name string, pool []graph.Node, n int) []graph.Node {
	norm := text.Normalize(name)
	seen := map[string]bool{}
	type scored struct {
		node graph.Node
		d    int
	}
	var ss []scored
	for _, c := range pool {
		if seen[c.Key()] {
			continue
		}
		seen[c.Key()] = true
		d := min(levenshtein.ComputeDistance(norm, text.Normalize(c.Name)),
			levenshtein.ComputeDistance(norm, text.Normalize(c.ID)),
			levenshtein.ComputeDistance(norm, lastWord(text.Normalize(c.Name))))
		ss = append(ss, scored{c, d})
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].d != ss[j].d {
			return ss[i].d < ss[j].d
		}
		return ss[i].node.Key() < ss[j].node.Key()
	})
	var out []graph.Node
	for i := 0; i < len(ss) && i < n; i++ {
		if ss[i].d <= max(3, len(norm)/2) {
			out = append(out, ss[i].node)
		}
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
