package neo4j

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
)

const fixtureDir = "../../../fixtures/readouts"

var fixtures struct {
	once     sync.Once
	readouts []readout.Readout
	x        *extract.Extractor
	err      error
}

// fixtureReadouts parses every readout in fixtures/readouts, in file order.
func fixtureReadouts(t testing.TB) ([]readout.Readout, *extract.Extractor) {
	t.Helper()
	fixtures.once.Do(func() {
		fixtures.x, fixtures.err = extract.New()
		if fixtures.err != nil {
			return
		}
		paths, err := filepath.Glob(filepath.Join(fixtureDir, "*"))
		if err != nil || len(paths) == 0 {
			fixtures.err = fmt.Errorf("no fixtures in %s: %v", fixtureDir, err)
			return
		}
		sort.Strings(paths)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				fixtures.err = err
				return
			}
			r, err := readout.Parse("fixtures/readouts/"+filepath.Base(p), data)
			if err != nil {
				fixtures.err = fmt.Errorf("%s: %w", p, err)
				return
			}
			fixtures.readouts = append(fixtures.readouts, r)
		}
	})
	if fixtures.err != nil {
		t.Fatal(fixtures.err)
	}
	return fixtures.readouts, fixtures.x
}

// fixtureDocs extracts the fixture readouts.
func fixtureDocs(t testing.TB) []graph.Document {
	rs, x := fixtureReadouts(t)
	docs := make([]graph.Document, len(rs))
	for i, r := range rs {
		docs[i] = x.Extract(r)
	}
	return docs
}

// variedDocs makes n distinct documents from the fixtures: copy i of a
// fixture has its own origin, a date moved by i days (so that the graph
// gets parallel, differently dated citations of the same facts) and a
// reference line that gives it its own content id.
func variedDocs(t testing.TB, n int) []graph.Document {
	rs, x := fixtureReadouts(t)
	docs := make([]graph.Document, 0, n)
	for i := range n {
		r := rs[i%len(rs)]
		copyNo := i / len(rs)
		r.Origin = fmt.Sprintf("corpus/%05d-%s", i, filepath.Base(r.Origin))
		r.Source = r.Origin
		r.Date = shiftDate(r.Date, copyNo)
		r.Body = fmt.Sprintf("%s\n\nReference %d.", r.Body, i)
		r.ID = readout.ContentID(r.Body)
		docs = append(docs, x.Extract(r))
	}
	return docs
}

// shiftDate moves an ISO date n weeks back, keeping undated readouts undated.
func shiftDate(date string, n int) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return d.AddDate(0, 0, -7*n).Format(time.DateOnly)
}

// writeAll writes documents in order and fails the test on any error.
func writeAll(t testing.TB, s graph.Store, docs []graph.Document) []graph.WriteStatus {
	t.Helper()
	out := make([]graph.WriteStatus, len(docs))
	for i, d := range docs {
		st, err := s.WriteReadout(context.Background(), d)
		if err != nil {
			t.Fatalf("write %s: %v", d.Readout.Prop("origin"), err)
		}
		out[i] = st
	}
	return out
}
