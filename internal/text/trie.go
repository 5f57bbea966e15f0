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
	next   children[V]
	values []V
}

// children finds a node's children by word, in slots open-addressed by
// the word's hash. Tokens carry that hash (Token.hash), so a lookup
// hashes nothing: the gazetteers are asked about every token of every
// sentence, and hashing each word again for each of them was a tenth of
// extraction.
type children[V any] struct {
	slots []child[V] // a power of two long, at most half full; nil with no children
	n     int
}

type child[V any] struct {
	hash uint64 // 0 marks an empty slot
	word string
	node *trieNode[V]
}

func (c *children[V]) get(hash uint64, word string) *trieNode[V] {
	if c.n == 0 {
		return nil
	}
	mask := uint64(len(c.slots) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.hash == hash && s.word == word {
			return s.node
		}
		if s.hash == 0 {
			return nil
		}
	}
}

func (c *children[V]) put(hash uint64, word string, node *trieNode[V]) {
	if 2*(c.n+1) > len(c.slots) {
		old := c.slots
		c.slots = make([]child[V], max(2, 2*len(old)))
		c.n = 0
		for _, s := range old {
			if s.hash != 0 {
				c.put(s.hash, s.word, s.node)
			}
		}
	}
	mask := uint64(len(c.slots) - 1)
	i := hash & mask
	for c.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = child[V]{hash: hash, word: word, node: node}
	c.n++
}

// Add files v under phrase. The phrase is tokenized like text is.
func (t *Trie[V]) Add(phrase string, v V) {
	n := &t.root
	for _, tok := range Tokenize(phrase) {
		if t.SkipCommas && tok.Norm == "," {
			continue
		}
		h := tok.wordHash()
		next := n.next.get(h, tok.Norm)
		if next == nil {
			next = &trieNode[V]{}
			n.next.put(h, tok.Norm, next)
		}
		n = next
	}
	if n != &t.root {
		n.values = append(n.values, v)
	}
}

// AddWord files v under the one-word phrase whose normal form is norm,
// taken as it is, not tokenized again.
func (t *Trie[V]) AddWord(norm string, v V) {
	h := hashWord(norm)
	n := t.root.next.get(h, norm)
	if n == nil {
		n = &trieNode[V]{}
		t.root.next.put(h, norm, n)
	}
	n.values = append(n.values, v)
}

// WordValues returns the values filed under the one-word phrase tok.
func (t *Trie[V]) WordValues(tok Token) []V {
	if n := t.root.next.get(tok.wordHash(), tok.Norm); n != nil {
		return n.values
	}
	return nil
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
		next := n.next.get(toks[j].wordHash(), toks[j].Norm)
		if next == nil {
			break
		}
		n = next
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
