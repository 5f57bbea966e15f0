package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestHTMLViewIsOneOfflinePage checks that the page carries the answer's
// nodes and edges with their citations, embeds the drawing library, and
// loads nothing from anywhere at view time.
func TestHTMLViewIsOneOfflinePage(t *testing.T) {
	var b bytes.Buffer
	if err := Answer(&b, FormatHTML, pictureSample()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="elements">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no elements block")
	}
	var els []struct{ Data map[string]string }
	if err := json.Unmarshal([]byte(m[1]), &els); err != nil {
		t.Fatalf("elements are not JSON: %v", err)
	}
	nodes, edges := 0, 0
	for _, e := range els {
		if e.Data["source"] != "" {
			edges++
			if e.Data["relation"] == "" || e.Data["date"] == "" {
				t.Errorf("edge without relation or date: %v", e.Data)
			}
		} else {
			nodes++
		}
	}
	if nodes != 3 || edges != 2 {
		t.Errorf("%d nodes and %d edges, want 3 and 2", nodes, edges)
	}
	if !strings.Contains(page, "cytoscape") || regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(page) {
		t.Error("the page does not embed its library, or loads something from the network")
	}
	if strings.Contains(m[1], "<call>") {
		t.Error("a phrase's markup reached the page unescaped")
	}
}
