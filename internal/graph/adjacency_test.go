package graph_test

import (
	"reflect"
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
