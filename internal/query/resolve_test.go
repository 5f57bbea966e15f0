package query_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/graph/graphtest"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/query"
)

// fixtureResolver is a resolver over an embedded store holding the fixtures.
func fixtureResolver(t testing.TB) query.Resolver {
	t.Helper()
	s, err := embedded.Open(filepath.Join(t.TempDir(), "g.db"), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, d := range graphtest.FixtureDocuments(t) {
		if _, err := s.WriteReadout(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return query.Resolver{Reader: s, Lexicon: lexicon.MustDefault()}
}

func TestResolve(t *testing.T) {
	r := fixtureResolver(t)
	cases := map[string]string{
		"US": "State:US", "United States": "State:US", "U.S.": "State:US", "us": "State:US",
		"Japan": "State:JP", "Blinken": "Official:antony-blinken", "Antony Blinken": "Official:antony-blinken",
		"Tony Blinken": "Official:antony-blinken", "Quad": "Forum:QUAD", "quad": "Forum:QUAD",
		"State:IN": "State:IN", "Penny Wong": "Official:penny-wong", "climate change": "Topic:climate-change",
		"the Quad": "Forum:QUAD", "the G7": "Forum:G7",
	}
	for name, want := range cases {
		n, err := r.Resolve(context.Background(), name)
		if err != nil || n.Key() != want {
			t.Errorf("%q: got %s, %v; want %s", name, n.Key(), err, want)
		}
	}
}

func TestResolveFailures(t *testing.T) {
	r := fixtureResolver(t)
	_, err := r.Resolve(context.Background(), "Blinkn")
	var ne *query.NameError
	if !errors.As(err, &ne) || !errors.Is(err, query.ErrUnknownName) || len(ne.Candidates) == 0 || ne.Candidates[0].ID != "antony-blinken" {
		t.Errorf("misspelt name: %v", err)
	}
	if _, err := r.Resolve(context.Background(), "security"); err != nil {
		// "security" is a topic id; names inside longer topic names must
		// not make it ambiguous.
		t.Errorf("security: %v", err)
	}
	for _, bad := range []string{"", "   ", string(make([]byte, 10000))} {
		if _, err := r.Resolve(context.Background(), bad); !errors.Is(err, query.ErrUnknownName) {
			t.Errorf("%q: got %v, want query.ErrUnknownName", bad, err)
		}
	}
}

// FuzzResolve feeds arbitrary names, hostile ones included, to name
// resolution over a real store: it must answer or fail cleanly.
func FuzzResolve(f *testing.F) {
	// Seeds stay small so that the fuzzer mutates quickly; the large names
	// run in TestResolveLargeNames.
	for _, s := range []string{"US", "Blinken", "'; DROP TABLE nodes; --", "%_%", `\`, "MATCH (n) DETACH DELETE n", "State:", "Official:%",
		strings.Repeat("(", 64), strings.Repeat("Secretary Blinken and ", 20)} {
		f.Add(s)
	}
	r := fixtureResolver(f)
	f.Fuzz(func(t *testing.T, name string) { checkResolve(t, r, name) })
}

func checkResolve(t *testing.T, r query.Resolver, name string) {
	n, err := r.Resolve(context.Background(), name)
	if err == nil && n.Key() == "" {
		t.Fatalf("%q resolved to an empty node", name)
	}
	var ne *query.NameError
	if err != nil && !errors.As(err, &ne) && !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("%.80q: unexpected error %v", name, err)
	}
}

// TestResolveLargeNames: a megabyte name and 5,000-deep brackets, too large
// for fuzz seeds, answer or fail cleanly.
func TestResolveLargeNames(t *testing.T) {
	r := fixtureResolver(t)
	checkResolve(t, r, "Foreign Minister Hayashi met"+strings.Repeat(" Secretary Blinken and", 50_000)+" discussed trade.")
	checkResolve(t, r, strings.Repeat("(", 5000)+strings.Repeat(")", 5000))
}
