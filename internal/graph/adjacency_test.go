package graph_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

func sampleAdjacency() *graph.Adjacency {
	b := graph.NewAdjacencyBuilder()
	b.Add("Official:a", "State:US", schema.Represents)
	b.Add("Official:b", "State:JP", schema.Represents)
	b.Add("Official:a", "Official:b", schema.MetWith)
	b.Add("State:US", "Forum:G7", schema.MemberOf)
	b.Add("State:JP", "Forum:G7", schema.MemberOf)
	b.Add("Official:a", "Topic:trade", schema.Discussed)
	b.Add("Official:b", "Topic:trade", schema.Discussed)
	b.Add("Official:b", "Topic:trade", schema.CommittedTo)
	return b.Build()
}

func TestWalksAreCheapestThenShortest(t *testing.T) {
	a := sampleAdjacency()
	for _, c := range []struct {
		q    graph.PathQuery
		want [][]string
	}{
		// A meeting (cost 3) beats a shared forum (two hops, cost 4).
		{graph.PathQuery{MaxHops: 6}, [][]string{{"State:US", "Official:a", "Official:b", "State:JP"}}},
		// Within two hops only the forum reaches.
		{graph.PathQuery{MaxHops: 2}, [][]string{{"State:US", "Forum:G7", "State:JP"}}},
		{graph.PathQuery{MaxHops: 6, Types: []schema.RelType{schema.MemberOf}}, [][]string{{"State:US", "Forum:G7", "State:JP"}}},
		// Through a topic and a meeting cost the same; the two are listed in key order.
		{graph.PathQuery{MaxHops: 6, Types: []schema.RelType{schema.Represents, schema.Discussed}, Limit: 5},
			[][]string{{"State:US", "Official:a", "Topic:trade", "Official:b", "State:JP"}}},
		{graph.PathQuery{MaxHops: 6, Types: []schema.RelType{schema.MetWith}}, nil},
	} {
		if got := a.Walks("State:US", "State:JP", c.q); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: got %v, want %v", c.q, got, c.want)
		}
	}
}

func TestAdjacencyRoundTrip(t *testing.T) {
	a := sampleAdjacency()
	data, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var b graph.Adjacency
	if err := b.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, &b) {
		t.Errorf("decoded %+v, want %+v", b, *a)
	}
	for i := 0; i < len(data); i++ {
		var c graph.Adjacency
		c.UnmarshalBinary(data[:i]) // must not panic
	}
}

// TestWalksMatchEveryWalkTried checks the layered search against the
// plainest answer there is on small random graphs: every simple walk of at
// most MaxHops hops tried in turn, the cheapest kept, and of those the
// shortest.
func TestWalksMatchEveryWalkTried(t *testing.T) {
	types := []schema.RelType{schema.MetWith, schema.Represents, schema.MemberOf, schema.Discussed}
	rng := rand.New(rand.NewPCG(3, 4))
	compared := 0
	for round := range 300 {
		nodes := 3 + rng.IntN(7)
		key := func(i int) string { return fmt.Sprintf("Official:%c", 'a'+i) }
		b := graph.NewAdjacencyBuilder()
		links := map[[2]int]graph.TypeSet{}
		for range rng.IntN(3 * nodes) {
			u, v, typ := rng.IntN(nodes), rng.IntN(nodes), types[rng.IntN(len(types))]
			b.Add(key(u), key(v), typ)
			if u != v {
				links[[2]int{u, v}] |= graph.TypesOf([]schema.RelType{typ})
				links[[2]int{v, u}] |= graph.TypesOf([]schema.RelType{typ})
			}
		}
		a := b.Build()
		q := graph.PathQuery{MaxHops: 1 + rng.IntN(5), Limit: graph.MaxPaths}
		if rng.IntN(2) == 0 {
			q.Types = types[:1+rng.IntN(3)]
		}
		from, to := rng.IntN(nodes), rng.IntN(nodes)
		got := a.Walks(key(from), key(to), q)
		want := everyWalk(from, to, q, links, key)
		if len(want) >= graph.MaxWalks {
			continue // the search may keep another subset
		}
		if len(want) > q.Limit {
			want = want[:q.Limit]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d, %s to %s, %+v:\n got %v\nwant %v", round, key(from), key(to), q, got, want)
		}
		if len(want) > 0 {
			compared++
		}
	}
	if compared < 100 {
		t.Errorf("only %d of 300 rounds had a walk to compare", compared)
	}
}

// everyWalk tries every simple walk and keeps the cheapest, then the
// shortest, in key order.
func everyWalk(from, to int, q graph.PathQuery, links map[[2]int]graph.TypeSet, key func(int) string) [][]string {
	allowed := graph.TypesOf(q.Types)
	cost := func(ts graph.TypeSet) int32 {
		var best int32
		for _, t := range (ts & allowed).Types() {
			if c := graph.Cost(t); best == 0 || c < best {
				best = c
			}
		}
		return best
	}
	var found [][]int
	var costs []int32
	var walk func(at int, path []int, c int32)
	walk = func(at int, path []int, c int32) {
		if at == to && len(path) > 1 {
			found, costs = append(found, append([]int(nil), path...)), append(costs, c)
			return
		}
		if len(path) > q.MaxHops {
			return
		}
		for next := 0; next < 10; next++ {
			w := cost(links[[2]int{at, next}])
			if w == 0 || slices.Contains(path, next) {
				continue
			}
			walk(next, append(path, next), c+w)
		}
	}
	if from != to {
		walk(from, []int{from}, 0)
	}
	var out [][]string
	for i, p := range found {
		better := false
		for j, o := range found {
			if costs[j] < costs[i] || (costs[j] == costs[i] && len(o) < len(p)) {
				better = true
			}
		}
		if !better {
			var keys []string
			for _, n := range p {
				keys = append(keys, key(n))
			}
			out = append(out, keys)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], "|") < strings.Join(out[j], "|") })
	return out
}
