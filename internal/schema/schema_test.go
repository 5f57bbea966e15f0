package schema

import (
	"strings"
	"testing"
)

// TestLabelsPrefixFree: no label is a prefix of another, so keys
// ("State:JP") order as their (label, id) pairs do and split one way.
func TestLabelsPrefixFree(t *testing.T) {
	for _, a := range Labels {
		for _, b := range Labels {
			if a != b && strings.HasPrefix(string(b), string(a)) {
				t.Errorf("label %s is a prefix of %s", a, b)
			}
		}
		if strings.Contains(string(a), ":") {
			t.Errorf("label %q holds the key separator", a)
		}
	}
}
