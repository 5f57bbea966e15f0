package text

// Trie maps phrases, as sequences of normalized tokens, to values, and finds
// the longest phrase that starts at a token. Lookups allocate nothing, which
// keeps the gazetteer off the extraction profile.
type Trie[V any] struct {
	root trieNode[V]
	// SkipCommas lets a phrase match across commas in the text, so that
	// "free, open, and inclusive" finds "free open and inclusive".
	SkipCommas bool
}

type trieNode[V any] struct {
	next   map[string]*trieNode[V]
	values []V
}

// Add files v under phrase. The phrase is tokenized like text is.
func (t *Trie[V]) Add(phrase string, v V) {
	n := &t.root
	for _, tok := range Tokenize(phrase) {
		if t.SkipCommas && tok.Norm == "," {
			continue
		}
		if n.next == nil {
			n.next = map[string]*trieNode[V]{}
		}
		child, ok := n.next[tok.Norm]
		if !ok {
			child = &trieNode[V]{}
			n.next[tok.Norm] = child
		}
		n = child
	}
	if n != &t.root {
		n.values = append(n.values, v)
	}
}

// LongestAt returns the values of the longest phrase that starts at
// toks[i], and the number of tokens it spans (0 when none starts there).
// accept, when not nil, may veto a candidate match: it is given the span
// and one of its values.
func (t *Trie[V]) LongestAt(toks []Token, i int, accept func(start, end int, v V) bool) ([]V, int) {
	n := &t.root
	var best []V
	bestEnd := i
	j := i
	for j < len(toks) {
		if t.SkipCommas && j > i && toks[j].Norm == "," {
			j++
			continue
		}
		child, ok := n.next[toks[j].Norm]
		if !ok {
			break
		}
		n = child
		j++
		if len(n.values) > 0 {
			if vs := filter(n.values, i, j, accept); len(vs) > 0 {
				best, bestEnd = vs, j
			}
		}
	}
	return best, bestEnd - i
}

func filter[V any](vs []V, start, end int, accept func(int, int, V) bool) []V {
	if accept == nil {
		return vs
	}
	all := true
	for _, v := range vs {
		if !accept(start, end, v) {
			all = false
			break
		}
	}
	if all {
		return vs // the common case, without a copy
	}
	out := vs[:0:0]
	for _, v := range vs {
		if accept(start, end, v) {
			out = append(out, v)
		}
	}
	return out
}
