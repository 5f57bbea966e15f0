package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/schema"
)

// TypeSet is a set of relationship types, a bit for each type's place in
// schema.RelTypes.
type TypeSet uint16

// TypesOf is the set of the given types; none means every cited type.
func TypesOf(types []schema.RelType) TypeSet {
	var s TypeSet
	for i, t := range schema.RelTypes {
		if (len(types) == 0 && schema.Cited(t)) || containsType(types, t) {
			s |= 1 << i
		}
	}
	return s
}

func containsType(types []schema.RelType, t schema.RelType) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// Has reports whether t is in the set.
func (s TypeSet) Has(t schema.RelType) bool {
	for i, x := range schema.RelTypes {
		if x == t {
			return s&(1<<i) != 0
		}
	}
	return false
}

// Types lists the set's types in schema order.
func (s TypeSet) Types() []schema.RelType {
	var out []schema.RelType
	for i, t := range schema.RelTypes {
		if s&(1<<i) != 0 {
			out = append(out, t)
		}
	}
	return out
}

// Cost is what one hop through a relationship type costs a path. A
// meeting joins two people and a representation an official and their
// state; a forum's membership or a topic joins everyone who shares it, and
// says less about how two entities are connected, so such a hop costs two:
// a path through a meeting (three hops, cost three) is cheaper than one
// through a shared forum (two hops, cost four).
func Cost(t schema.RelType) int32 {
	switch t {
	case schema.MetWith, schema.Represents:
		return 1
	}
	return 2
}

// cost is the cheapest hop through any type of the set, 0 for none.
func (s TypeSet) cost() int32 {
	var best int32
	for _, t := range s.Types() {
		if c := Cost(t); best == 0 || c < best {
			best = c
		}
	}
	return best
}

// Adjacency is the graph's shape without its properties or its parallel
// edges: which nodes a cited edge joins, each pair once, with the types of
// the edges joining them. A corpus cites the same two ministers' meeting,
// or a state's membership of a forum, again and again, so this is a small
// fraction of the edges, small enough to search in memory. Nodes are
// numbered in key order, so that every store builds the same adjacency
// from the same graph and the search gives every store the same answer.
type Adjacency struct {
	keys  []string  // node number to key, sorted: a key's number is found by binary search
	start []int32   // node n's links are at start[n]:start[n+1]
	to    []int32   // the linked node, in key order
	types []TypeSet // the types joining them
}

// number is the node number of key.
func (a *Adjacency) number(key string) (int32, bool) {
	i, found := slices.BinarySearch(a.keys, key)
	return int32(i), found
}

// AdjacencyBuilder gathers edges into an Adjacency.
type AdjacencyBuilder struct {
	index map[string]int32
	keys  []string
	pairs map[[2]int32]TypeSet
}

// NewAdjacencyBuilder returns an empty builder.
func NewAdjacencyBuilder() *AdjacencyBuilder {
	return &AdjacencyBuilder{index: map[string]int32{}, pairs: map[[2]int32]TypeSet{}}
}

// Add records an edge of type t between a and b, in either direction.
func (b *AdjacencyBuilder) Add(from, to string, t schema.RelType) {
	u, v := b.node(from), b.node(to)
	if u == v {
		return
	}
	if u > v {
		u, v = v, u
	}
	b.pairs[[2]int32{u, v}] |= TypesOf([]schema.RelType{t})
}

func (b *AdjacencyBuilder) node(key string) int32 {
	if n, ok := b.index[key]; ok {
		return n
	}
	n := int32(len(b.keys))
	b.index[key] = n
	b.keys = append(b.keys, key)
	return n
}

// Build numbers the nodes in key order and lays the links out. It spends
// the builder: add nothing to it afterwards.
func (b *AdjacencyBuilder) Build() *Adjacency {
	keys := append([]string(nil), b.keys...)
	sort.Strings(keys)
	a := &Adjacency{keys: keys}
	renum := make([]int32, len(b.keys))
	for i, k := range b.keys {
		renum[i], _ = a.number(k)
	}
	// Each node's links go straight to their place, counted first, and
	// are then sorted where they lie: a list of every link to sort whole
	// beside the map of pairs was the largest thing an ingest held.
	a.start = make([]int32, len(keys)+1)
	for p := range b.pairs {
		a.start[renum[p[0]]+1]++
		a.start[renum[p[1]]+1]++
	}
	for i := 1; i < len(a.start); i++ {
		a.start[i] += a.start[i-1]
	}
	next := append([]int32(nil), a.start[:len(keys)]...)
	a.to = make([]int32, a.start[len(keys)])
	a.types = make([]TypeSet, len(a.to))
	for p, ts := range b.pairs {
		u, v := renum[p[0]], renum[p[1]]
		a.to[next[u]], a.types[next[u]] = v, ts
		a.to[next[v]], a.types[next[v]] = u, ts
		next[u]++
		next[v]++
	}
	b.pairs, b.index = nil, nil
	for n := range keys {
		lo, hi := a.start[n], a.start[n+1]
		sort.Sort(linksByNode{a.to[lo:hi], a.types[lo:hi]})
	}
	return a
}

// linksByNode sorts one node's links by the node they lead to.
type linksByNode struct {
	to    []int32
	types []TypeSet
}

func (l linksByNode) Len() int           { return len(l.to) }
func (l linksByNode) Less(i, j int) bool { return l.to[i] < l.to[j] }
func (l linksByNode) Swap(i, j int) {
	l.to[i], l.to[j] = l.to[j], l.to[i]
	l.types[i], l.types[j] = l.types[j], l.types[i]
}

// Has reports whether the adjacency holds a node.
func (a *Adjacency) Has(key string) bool { _, ok := a.number(key); return ok }

// Walks returns the cheapest walks from one node to another over the
// types q allows, at most q.MaxHops hops long: those of the least total
// Cost, and of those the fewest hops. Of at most MaxWalks such walks it
// keeps the first q.Limit (MaxPaths at most) in the order of their node
// keys. Each walk is its node keys, from first to last.
func (a *Adjacency) Walks(from, to string, q PathQuery) [][]string {
	s, ok1 := a.number(from)
	t, ok2 := a.number(to)
	if !ok1 || !ok2 || s == t || q.MaxHops <= 0 {
		return nil
	}
	sr := a.search(s, t, linkCosts(TypesOf(q.Types)), q.MaxHops)
	if sr.hop == 0 {
		return nil
	}
	var walks [][]int32
	var back func(n int32, h int, suffix []int32)
	back = func(n int32, h int, suffix []int32) {
		if len(walks) >= MaxWalks {
			return
		}
		suffix = append([]int32{n}, suffix...)
		if h == 0 {
			walks = append(walks, suffix)
			return
		}
		here, _ := sr.at(h, n)
		for i := a.start[n]; i < a.start[n+1]; i++ {
			m, w := a.to[i], sr.linkCost[a.types[i]&sr.mask]
			if c, ok := sr.at(h-1, m); ok && w > 0 && m != t && c+w == here {
				back(m, h-1, suffix)
			}
		}
	}
	back(t, sr.hop, nil)
	out := make([][]string, len(walks))
	for i, w := range walks {
		out[i] = make([]string, len(w))
		for j, n := range w {
			out[i][j] = a.keys[n]
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], "|") < strings.Join(out[j], "|") })
	limit := q.Limit
	if limit <= 0 || limit > MaxPaths {
		limit = MaxPaths
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// linkCosts is what a link costs a walk, by the set of types joining its
// two nodes, when only allowed types may be walked: the cheapest Cost of
// the types both sets hold, 0 for none. Types are few, so every set has
// its place, and the search looks a link's cost up instead of working it
// out.
func linkCosts(allowed TypeSet) []int32 {
	costs := make([]int32, 1<<len(schema.RelTypes))
	for set := range costs {
		costs[set] = (TypeSet(set) & allowed).cost()
	}
	return costs
}

// layered is one search's layers, in flat arrays over the node numbers: a
// search reaches most of a graph, which maps made seven times slower.
type layered struct {
	nodes    int32
	cost     []int32 // cost[h*nodes+m] is m's cost in layer h plus one; 0 when m is not in it
	hop      int     // the layer at which the goal is cheapest; 0 when it is out of reach
	linkCost []int32 // by the types joining a link, masked to the known ones
	mask     TypeSet
}

// at is n's cost in layer h, if n is in it.
func (l *layered) at(h int, n int32) (int32, bool) {
	c := l.cost[int32(h)*l.nodes+n]
	return c - 1, c > 0
}

// search searches outward from s one hop at a time. Layer h holds the
// nodes some walk of h hops reaches more cheaply than any shorter walk
// does, with that cost; every cheapest walk passes only through such
// nodes.
func (a *Adjacency) search(s, t int32, linkCost []int32, maxHops int) *layered {
	n := int32(len(a.keys))
	l := &layered{nodes: n, cost: make([]int32, int32(maxHops+1)*n), linkCost: linkCost,
		mask: TypeSet(len(linkCost) - 1)}
	best := make([]int32, n) // the cheapest cost so far plus one; 0 when unreached
	best[s], l.cost[s] = 1, 1
	layer := []int32{s}
	var next []int32
	var goal int32 = -1
	for h := 1; h <= maxHops && len(layer) > 0; h++ {
		prev, here := l.cost[int32(h-1)*n:int32(h)*n], l.cost[int32(h)*n:int32(h+1)*n]
		next = next[:0]
		for _, u := range layer {
			c := prev[u] - 1
			if u == t || (goal >= 0 && c+1 >= goal) {
				continue
			}
			for i := a.start[u]; i < a.start[u+1]; i++ {
				w := linkCost[a.types[i]&l.mask]
				if w == 0 {
					continue
				}
				m := a.to[i]
				if old := here[m]; old == 0 {
					here[m] = c + w + 1
					next = append(next, m)
				} else if c+w+1 < old {
					here[m] = c + w + 1
				}
			}
		}
		// Keep only the nodes this layer reaches more cheaply than any
		// earlier one.
		kept := next[:0]
		for _, m := range next {
			if b := best[m]; b != 0 && b <= here[m] {
				here[m] = 0
				continue
			}
			best[m] = here[m]
			kept = append(kept, m)
		}
		if c := here[t]; c > 0 {
			goal, l.hop = c-1, h
		}
		layer, next = kept, layer[:0]
	}
	return l
}

// adjacencyMagic opens an encoded Adjacency and names its layout.
const adjacencyMagic = "diplograph adjacency 1\n"

// MarshalBinary encodes the adjacency compactly, for a store to keep
// beside the graph so that a new process need not rebuild it.
func (a *Adjacency) MarshalBinary() ([]byte, error) {
	size := len(adjacencyMagic) + 5*len(a.keys) + 6*len(a.to) // most keys and links take no more
	for _, k := range a.keys {
		size += len(k)
	}
	buf := append(make([]byte, 0, size), adjacencyMagic...)
	buf = binary.AppendUvarint(buf, uint64(len(a.keys)))
	for _, k := range a.keys {
		buf = binary.AppendUvarint(buf, uint64(len(k)))
		buf = append(buf, k...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.to)))
	for n := range a.keys {
		buf = binary.AppendUvarint(buf, uint64(a.start[n+1]-a.start[n]))
	}
	for i, m := range a.to {
		buf = binary.AppendUvarint(buf, uint64(m))
		buf = binary.AppendUvarint(buf, uint64(a.types[i]))
	}
	return buf, nil
}

// ErrAdjacency is returned for bytes that are not an encoded Adjacency.
var ErrAdjacency = errors.New("not an encoded adjacency")

// UnmarshalBinary decodes what MarshalBinary encoded.
func (a *Adjacency) UnmarshalBinary(data []byte) error {
	if !bytes.HasPrefix(data, []byte(adjacencyMagic)) {
		return ErrAdjacency
	}
	// One string holds every key's bytes, and each key is a slice of it:
	// a new process decodes this before its first path, and a string
	// apiece was most of the decoding.
	all := string(data)
	at := len(adjacencyMagic)
	next := func(limit uint64) (uint64, bool) {
		v, size := binary.Uvarint(data[at:])
		if size <= 0 || v > limit {
			return 0, false
		}
		at += size
		return v, true
	}
	n, ok := next(uint64(len(data)))
	if !ok {
		return ErrAdjacency
	}
	keys := make([]string, n)
	for i := range keys {
		l, ok := next(uint64(len(data)))
		if !ok || l > uint64(len(data)-at) {
			return ErrAdjacency
		}
		keys[i] = all[at : at+int(l)]
		at += int(l)
		if i > 0 && keys[i-1] >= keys[i] {
			return ErrAdjacency // numbers are found by binary search
		}
	}
	links, ok := next(uint64(len(data)))
	if !ok {
		return ErrAdjacency
	}
	start := make([]int32, n+1)
	for i := range keys {
		d, ok := next(links)
		if !ok {
			return ErrAdjacency
		}
		start[i+1] = start[i] + int32(d)
	}
	if uint64(start[n]) != links {
		return ErrAdjacency
	}
	to := make([]int32, links)
	types := make([]TypeSet, links)
	for i := range to {
		m, ok1 := next(n - 1)
		t, ok2 := next(1<<16 - 1)
		if !ok1 || !ok2 {
			return ErrAdjacency
		}
		to[i], types[i] = int32(m), TypeSet(t)
	}
	*a = Adjacency{keys: keys, start: start, to: to, types: types}
	return nil
}
