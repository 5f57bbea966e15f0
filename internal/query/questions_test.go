package query_test

import (
	"context"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// The answers of every question on both stores are held to one golden
// file by the conformance suite (internal/graph/graphtest, questions);
// these tests check what a reader of the answers relies on.

func fixtureEngine(t *testing.T) query.Engine {
	r := fixtureResolver(t)
	return query.Engine{Reader: r.Reader, Resolver: r, MaxHops: 6}
}

func TestPathDefaultsToActorsAndViaWidens(t *testing.T) {
	e := fixtureEngine(t)
	ctx := context.Background()
	p, err := e.Path(ctx, "US", "Japan", query.PathOptions{})
	if err != nil || len(p.Paths) != 1 {
		t.Fatalf("%d paths, %v", len(p.Paths), err)
	}
	for _, f := range p.Paths[0] {
		if f.Readout.Title == "" || f.Evidence == "" {
			t.Errorf("hop without its readout or evidence: %+v", f)
		}
	}
	topics, err := e.Path(ctx, "Blinken", "Lammy", query.PathOptions{Via: []schema.RelType{schema.Discussed}, Paths: 3})
	if err != nil || len(topics.Paths) == 0 {
		t.Fatalf("via DISCUSSED: %d paths, %v", len(topics.Paths), err)
	}
	for _, p := range topics.Paths {
		if len(p) != 2 || p[0].To.Label != schema.Topic {
			t.Errorf("via DISCUSSED walks %v, want through a topic", p)
		}
	}
}

func TestMeetingsAreOnePerReadoutAndParticipants(t *testing.T) {
	e := fixtureEngine(t)
	m, err := e.Meetings(context.Background(), "Japan", query.DateRange{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, mt := range m.Meetings {
		var keys []string
		for _, p := range mt.Participants {
			keys = append(keys, p.Key())
		}
		k := mt.Readout.ID + " " + strings.Join(keys, ",")
		if seen[k] || len(mt.Participants) < 2 {
			t.Errorf("meeting %s listed twice or alone", k)
		}
		seen[k] = true
	}
}

func TestReadoutByFile(t *testing.T) {
	e := fixtureEngine(t)
	a, err := e.Readout(context.Background(), "../../fixtures/readouts/05_quad-foreign-ministers-tokyo.txt")
	if err != nil || a.Readout == nil || a.Readout.ID != "bc8cd36d2e9f6324" || len(a.Facts) == 0 {
		t.Fatalf("%+v, %v", a.Readout, err)
	}
	if _, err := e.Readout(context.Background(), "no-such-readout"); err == nil {
		t.Error("no error for a readout that does not exist")
	}
}

// TestEgoGrowsWithDepthAndKeepsToItsRelations checks that a neighbourhood
// of depth 2 holds that of depth 1 and more, and that --via keeps it to
// the relationship types asked for.
func TestEgoGrowsWithDepthAndKeepsToItsRelations(t *testing.T) {
	e := fixtureEngine(t)
	ctx := context.Background()
	one, err := e.Ego(ctx, "Kamikawa", 1, nil, query.DateRange{})
	if err != nil {
		t.Fatal(err)
	}
	two, err := e.Ego(ctx, "Kamikawa", 2, nil, query.DateRange{})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Facts) == 0 || len(two.Facts) <= len(one.Facts) {
		t.Fatalf("depth 1: %d facts, depth 2: %d", len(one.Facts), len(two.Facts))
	}
	for _, f := range two.Facts {
		if f.Relation != schema.MetWith && f.Relation != schema.Represents && f.Relation != schema.MemberOf {
			t.Errorf("%s is no actor relation", f.Relation)
		}
	}
	met, err := e.Ego(ctx, "Kamikawa", 2, []schema.RelType{schema.MetWith}, query.DateRange{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range met.Facts {
		if f.Relation != schema.MetWith {
			t.Errorf("--via MET_WITH gave %s", f.Relation)
		}
	}
	if _, err := e.Ego(ctx, "Kamikawa", 4, nil, query.DateRange{}); err == nil {
		t.Error("depth 4 accepted")
	}
}
