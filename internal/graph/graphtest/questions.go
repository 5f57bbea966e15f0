package graphtest

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
)

// analystQuestion is one question as the query command asks it, with the
// names an analyst types.
type analystQuestion struct {
	Name string
	ask  func(context.Context, query.Engine) (any, error)
}

var analystQuestions = []analystQuestion{
	{"path US Japan", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Path(ctx, "US", "Japan", query.PathOptions{})
	}},
	{"path US Japan via MEMBER_OF, 5 paths", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Path(ctx, "US", "Japan", query.PathOptions{Via: []schema.RelType{schema.MemberOf}, Paths: 5})
	}},
	{"path Wong Lammy via every type", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Path(ctx, "Penny Wong", "Lammy", query.PathOptions{Via: graph.TypesOf(nil).Types(), Paths: 3})
	}},
	{"neighbors Blinken", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Neighbors(ctx, "Blinken", query.DateRange{})
	}},
	{"meetings Japan", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Meetings(ctx, "Japan", query.DateRange{})
	}},
	{"meetings Australia 2024", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Meetings(ctx, "Australia", query.DateRange{Since: "2024", Until: "2024"})
	}},
	{"commitments US", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Commitments(ctx, "US", query.DateRange{})
	}},
	{"commitments Wong since 2024-07", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Commitments(ctx, "Penny Wong", query.DateRange{Since: "2024-07"})
	}},
	{"topics US Japan", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Topics(ctx, "US", "Japan", query.DateRange{})
	}},
	{"topic maritime security", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Topic(ctx, "maritime security", query.DateRange{})
	}},
	{"members Quad", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Members(ctx, "Quad", query.DateRange{})
	}},
	{"timeline France until 2024", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Timeline(ctx, "France", query.DateRange{Until: "2024"})
	}},
	{"readout bc8cd36d2e9f6324", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Readout(ctx, "bc8cd36d2e9f6324")
	}},
	{"stats", func(ctx context.Context, e query.Engine) (any, error) {
		return e.Stats(ctx)
	}},
}

// testQuestions asks every question of the query package, written once
// over the primitives, and compares the answers with one golden file:
// every store gives the analyst the same answers.
func testQuestions(t *testing.T, s graph.Store, docs []graph.Document) {
	writeAll(t, s, docs)
	ctx := context.Background()
	e := query.Engine{Reader: s, Resolver: query.Resolver{Reader: s, Lexicon: lexicon.MustDefault()}, MaxHops: 6}
	got := map[string]any{}
	for _, q := range analystQuestions {
		a, err := q.ask(ctx, e)
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		got[q.Name] = a
	}
	checkQuestionShapes(t, got)
	compareGolden(t, "questions", got)
}

// checkQuestionShapes asserts what any correct answer must look like.
func checkQuestionShapes(t *testing.T, got map[string]any) {
	t.Helper()
	p := got["path US Japan"].(query.Paths)
	if len(p.Paths) != 1 {
		t.Fatalf("path US Japan: %d paths, want 1", len(p.Paths))
	}
	var rels []string
	for _, f := range p.Paths[0] {
		rels = append(rels, string(f.Relation))
	}
	if strings.Join(rels, " ") != "REPRESENTS MET_WITH REPRESENTS" {
		t.Errorf("path US Japan walks %v, want a meeting of their officials", rels)
	}
	for _, name := range []string{"meetings Japan", "meetings Australia 2024"} {
		ms := got[name].(query.Meetings).Meetings
		if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Date < ms[j].Date }) || len(ms) == 0 {
			t.Errorf("%s: %d meetings, not in date order", name, len(ms))
		}
	}
	tl := got["timeline France until 2024"].(query.Facts)
	if tl.Undated == 0 {
		t.Error("timeline France until 2024: no undated fact counted")
	}
	for _, f := range tl.Facts {
		if f.Date == "" || f.Date > "2024-12-31" || f.Readout.Title == "" {
			t.Errorf("timeline France until 2024 holds %s, cited %+v", f.Date, f.Readout)
		}
	}
	for _, f := range got["commitments Wong since 2024-07"].(query.Facts).Facts {
		if f.Relation != schema.CommittedTo || f.Date < "2024-07" || f.From.ID != "penny-wong" {
			t.Errorf("commitments Wong since 2024-07 holds %s %s on %s", f.From.ID, f.Relation, f.Date)
		}
	}
}
