package neo4j

import (
	"context"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestWriteReadoutsIsolatesFailures writes a batch holding a readout the
// server rejects (an edge to a missing node), one that cannot be planned,
// and a new version of an earlier readout in the same batch.
func TestWriteReadoutsIsolatesFailures(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	ctx := context.Background()
	docs := fixtureDocs(t)
	dangling := docs[1]
	dangling.Edges = append(append([]graph.Edge(nil), dangling.Edges...),
		graph.Edge{Type: schema.MetWith, From: "Official:nobody", To: "Official:nobody-else", Readout: dangling.Readout.ID})
	unplannable := docs[2]
	unplannable.Nodes = append(append([]graph.Node(nil), unplannable.Nodes...), graph.Node{Label: "Bogus", ID: "x"})
	batch := []graph.Document{docs[0], dangling, unplannable, docs[3], replacements(t)[2]}

	statuses, errs, err := s.WriteReadouts(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := []graph.WriteStatus{graph.Created, 0, 0, graph.Created, graph.Replaced}
	for i := range batch {
		if failed := errs[i] != nil; failed != (i == 1 || i == 2) {
			t.Errorf("readout %d: error %v", i, errs[i])
		}
		if errs[i] == nil && statuses[i] != wantStatus[i] {
			t.Errorf("readout %d: status %v, want %v", i, statuses[i], wantStatus[i])
		}
	}

	// The same graph as writing the good readouts one by one.
	got, _ := s.Stats(ctx)
	one := openEmbedded(t)
	writeAll(t, one, []graph.Document{docs[0], docs[3], replacements(t)[2]})
	want, _ := one.Stats(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats %v, want %v", got, want)
	}

	statuses, errs, err = s.WriteReadouts(ctx, []graph.Document{docs[3], docs[4]})
	if err != nil || errs[0] != nil || errs[1] != nil || statuses[0] != graph.Unchanged || statuses[1] != graph.Created {
		t.Errorf("second batch: %v %v %v", statuses, errs, err)
	}
}
