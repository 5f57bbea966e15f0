package graph

import (
	"testing"

	"github.com/diplograph/diplograph/internal/schema"
)

// TestFingerprintIsStable pins the fingerprint of a document: stores keep
// it, and a change to how it is computed would make every stored readout
// look changed on the next ingest.
func TestFingerprintIsStable(t *testing.T) {
	doc := Document{
		Readout: Node{Label: schema.Readout, ID: "r1", Name: "Readout", Props: map[string]string{"origin": "a.txt", "date": "2024-03-04"}},
		Nodes: []Node{
			{Label: schema.State, ID: "US", Name: "United States"},
			{Label: schema.Official, ID: "blinken", Name: "Antony Blinken", Props: map[string]string{"title": "Secretary of State", "state": "US"}},
		},
		Edges: []Edge{
			{Type: schema.Represents, From: "Official:blinken", To: "State:US", Readout: "r1", Date: "2024-03-04", Evidence: "Secretary Blinken met.", Props: map[string]string{"title": "Secretary"}},
			{Type: schema.Mentions, From: "Readout:r1", To: "State:US", Readout: "r1", Evidence: "Secretary Blinken met."},
		},
	}
	const want = "0a87d57dc6f8ac14"
	if got := doc.Fingerprint(); got != want {
		t.Errorf("fingerprint %s, want %s", got, want)
	}
	doc.Edges[0].Evidence = "Secretary Blinken met again."
	if doc.Fingerprint() == want {
		t.Error("a changed evidence sentence kept the fingerprint")
	}
}
