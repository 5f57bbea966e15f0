package text

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := map[string][]string{
		"U.S. Secretary Blinken":   {"U.S.", "Secretary", "Blinken"},
		"Japan's Foreign Minister": {"Japan", "'s", "Foreign", "Minister"},
		"Japan’s Quad role":        {"Japan", "’s", "Quad", "role"},
		"Cho Tae-yul":              {"Cho", "Tae", "-", "yul"},
		"Côte d'Ivoire, 4 March.":  {"Côte", "d'Ivoire", ",", "4", "March", "."},
		"D.P.R.K. missiles":        {"D.P.R.K.", "missiles"},
		"(US, Japan)":              {"(", "US", ",", "Japan", ")"},
		"":                         nil,
		"Dr. S. Jaishankar":        {"Dr", ".", "S", ".", "Jaishankar"},
	}
	for in, want := range cases {
		var got []string
		for _, tok := range Tokenize(in) {
			got = append(got, tok.Text)
			if in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has wrong offsets", in, tok.Text)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Bùi": "bui", "Sơn": "son", "Türkiye": "turkiye", "Japan’s": "japan's", "US": "us"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrieLongestMatch(t *testing.T) {
	tr := &Trie[string]{}
	tr.Add("Korea", "KR")
	tr.Add("North Korea", "KP")
	tr.Add("Korean Peninsula", "none")
	toks := Tokenize("North Korea and the Korean Peninsula near Korea")
	var got []string
	for i := 0; i < len(toks); {
		vals, n := tr.LongestAt(toks, i, nil)
		if n == 0 {
			i++
			continue
		}
		got = append(got, vals[0])
		i += n
	}
	if want := []string{"KP", "none", "KR"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	commas := &Trie[int]{SkipCommas: true}
	commas.Add("free, open and resilient indo-pacific", 1)
	if _, n := commas.LongestAt(Tokenize("a free, open, and resilient Indo-Pacific"), 1, nil); n == 0 {
		t.Error("comma-insensitive phrase not found")
	}
}
