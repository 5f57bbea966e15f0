package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestMatchesEmbedded writes the same documents to both stores and asks
// both every question, expecting identical answers: after the first
// ingest, after re-ingesting unchanged documents and after replacing some.
// The Neo4j store writes them one by one, and in batches as ingest does.
func TestMatchesEmbedded(t *testing.T) {
	for _, batch := range []int{1, 16} {
		t.Run(fmt.Sprintf("batch-%d", batch), func(t *testing.T) {
			neo := openTestStore(t)
			emb := openEmbedded(t)
			docs := append(fixtureDocs(t), variedDocs(t, 48)...)

			writeBoth(t, neo, emb, docs, batch)
			compareStores(t, "ingest", neo, emb, docs)

			for i, st := range writeBoth(t, neo, emb, docs, batch) {
				if st != graph.Unchanged {
					t.Errorf("re-ingest %s: status %d, want Unchanged", docs[i].Readout.Prop(schema.PropOrigin), st)
				}
			}
			compareStores(t, "re-ingest", neo, emb, docs)

			// Replacements in one batch with new readouts.
			changed := append(replacements(t), variedDocs(t, 60)[48:]...)
			for i, st := range writeBoth(t, neo, emb, changed, batch) {
				want := graph.Replaced
				if i >= 3 {
					want = graph.Created
				}
				if st != want {
					t.Errorf("replace %s: status %d, want %d", changed[i].Readout.Prop(schema.PropOrigin), st, want)
				}
			}
			compareStores(t, "replace", neo, emb, append(docs, changed...))
		})
	}
}

func openEmbedded(t *testing.T) *embedded.Store {
	t.Helper()
	s, err := embedded.Open(t.TempDir()+"/g.db", embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	mustMigrate(t, s)
	return s
}

// writeBoth writes every document to both stores, the embedded one by one
// and Neo4j batch at a time, expecting the same status.
func writeBoth(t *testing.T, neo *Store, emb graph.Store, docs []graph.Document, batch int) []graph.WriteStatus {
	t.Helper()
	mustMigrate(t, neo)
	got := writeBatches(t, neo, docs, batch)
	want := writeAll(t, emb, docs)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("write statuses differ:\nneo4j    %v\nembedded %v", got, want)
	}
	return got
}

// writeBatches writes documents batch at a time through WriteReadouts, or
// one by one through WriteReadout when batch is 1.
func writeBatches(t *testing.T, s *Store, docs []graph.Document, batch int) []graph.WriteStatus {
	t.Helper()
	if batch == 1 {
		return writeAll(t, s, docs)
	}
	var out []graph.WriteStatus
	for start := 0; start < len(docs); start += batch {
		statuses, errs, err := s.WriteReadouts(context.Background(), docs[start:min(start+batch, len(docs))])
		if err == nil {
			err = errors.Join(errs...)
		}
		if err != nil {
			t.Fatalf("write batch at %d: %v", start, err)
		}
		out = append(out, statuses...)
	}
	return out
}

// replacements are new versions of some fixtures: a shorter text from the
// same origin (new id, nodes only the old text named become orphans), and
// the same text with another source (same id, new fingerprint).
func replacements(t *testing.T) []graph.Document {
	rs, x := fixtureReadouts(t)
	var out []graph.Document
	for _, i := range []int{5, 7} { // Lammy-Wang Yi, G7 Capri
		r := rs[i]
		r.Body = firstSentences(r.Body, 2)
		r.ID = readout.ContentID(r.Body)
		out = append(out, x.Extract(r))
	}
	r := rs[0]
	r.Source = "https://example.org/moved"
	out = append(out, x.Extract(r))
	return out
}

func firstSentences(body string, n int) string {
	parts := strings.SplitAfter(body, ". ")
	if len(parts) > n {
		parts = parts[:n]
	}
	return strings.TrimSpace(strings.Join(parts, ""))
}

// compareStores asks both stores the same questions about every node the
// documents name, and a few they do not.
func compareStores(t *testing.T, stage string, neo, emb graph.Store, docs []graph.Document) {
	t.Helper()
	ctx := context.Background()
	keys := nodeKeys(docs)
	keys = append(keys, "State:ZZ", "Official:nobody", "Nope:x", "")
	failures := 0
	same := func(what string, f func(graph.Store) (any, error)) {
		t.Helper()
		if failures > 20 {
			t.Fatalf("%s: too many differences", stage)
		}
		a, aerr := f(neo)
		b, berr := f(emb)
		if !sameError(aerr, berr) {
			t.Errorf("%s: %s: errors differ: neo4j %v, embedded %v", stage, what, aerr, berr)
			failures++
			return
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %s differs\nneo4j:    %s\nembedded: %s", stage, what, jsonOf(a), jsonOf(b))
			failures++
		}
	}
	same("stats", func(s graph.Store) (any, error) { return s.Stats(ctx) })
	typeSets := [][]schema.RelType{nil, {schema.MetWith}, {schema.Represents, schema.MemberOf}, {schema.Discussed, schema.CommittedTo, schema.Expressed}}
	for _, k := range keys {
		same("node "+k, func(s graph.Store) (any, error) { return s.Node(ctx, k) })
		for _, types := range typeSets {
			same(fmt.Sprintf("facts at %s %v", k, types), func(s graph.Store) (any, error) { return s.Facts(ctx, graph.FactQuery{At: []string{k}, Types: types}) })
		}
		if l, id, _ := schema.SplitKey(k); l == schema.Readout {
			same("facts of "+k, func(s graph.Store) (any, error) { return s.Facts(ctx, graph.FactQuery{Readout: id}) })
		}
	}
	same("nodes", func(s graph.Store) (any, error) { return s.Nodes(ctx, keys) })
	pairs := samplePairs(keys)
	for _, p := range pairs {
		same("facts at "+p[0]+" "+p[1], func(s graph.Store) (any, error) { return s.Facts(ctx, graph.FactQuery{At: p[:]}) })
	}
	for i, p := range pairs {
		for _, hops := range []int{0, 1, 2, 6} {
			if hops != 6 && i%3 != 0 {
				continue
			}
			for _, types := range typeSets[:3] {
				q := graph.PathQuery{MaxHops: hops, Types: types, Limit: 5}
				same(fmt.Sprintf("path %s %s %+v", p[0], p[1], q), func(s graph.Store) (any, error) { return s.Path(ctx, p[0], p[1], q) })
			}
		}
	}
	for _, text := range []string{"wang", "WANG", "a", "us", "min", "", "zz", "é", "-"} {
		for _, limit := range []int{5, 100, 0, -1} {
			same(fmt.Sprintf("find %q %d", text, limit), func(s graph.Store) (any, error) { return s.FindNodes(ctx, text, limit) })
		}
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return errors.Is(a, graph.ErrNotFound) == errors.Is(b, graph.ErrNotFound)
}

func jsonOf(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// nodeKeys lists every node key the documents name, sorted.
func nodeKeys(docs []graph.Document) []string {
	set := map[string]bool{}
	for _, d := range docs {
		set[d.Readout.Key()] = true
		for _, n := range d.Nodes {
			set[n.Key()] = true
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// samplePairs picks ordered pairs among the non-readout keys: every pair of
// states and of officials, and pairs mixing labels, bounded for time.
func samplePairs(keys []string) [][2]string {
	var pick []string
	perLabel := map[schema.Label]int{}
	for _, k := range keys {
		l, _, ok := schema.SplitKey(k)
		if ok && l != schema.Readout && perLabel[l] < 8 {
			perLabel[l]++
			pick = append(pick, k)
		}
	}
	pick = append(pick, "State:ZZ")
	var out [][2]string
	for i, a := range pick {
		for j, b := range pick {
			la, _, _ := schema.SplitKey(a)
			lb, _, _ := schema.SplitKey(b)
			if la == lb || (i+j)%4 == 0 {
				out = append(out, [2]string{a, b})
			}
		}
	}
	return out
}
