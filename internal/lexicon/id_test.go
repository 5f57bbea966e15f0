package lexicon

import (
	"testing"

	"github.com/gosimple/slug"
)

// FuzzMakeID holds makeID's ASCII shortcut to slug.Make's answer.
func FuzzMakeID(f *testing.F) {
	for _, s := range []string{"Bùi Thanh Sơn", "regional  and global issues", " -_a- ", "a_-b", "Antony J. Blinken",
		"trade & investment", "COVID-19", "--", "_", "", "a\tb", "Ülkü",
		"the DPRK's nuclear programme", "a ' b", "x@y.z", "(peace, security)", "\"quoted\"", "a&b", "-_-a_-_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := makeID(s), slug.Make(s); got != want {
			t.Errorf("makeID(%q) = %q, slug.Make gives %q", s, got, want)
		}
	})
}
