package text

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestASCIITables holds the byte tables Tokenize classifies ASCII by to
// the unicode functions it uses for every other rune.
func TestASCIITables(t *testing.T) {
	for c := range rune(utf8.RuneSelf) {
		if got, want := isWordRune(c), unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", c, got, want)
		}
		if got, want := isSpace(c), unicode.IsSpace(c); got != want {
			t.Errorf("isSpace(%q) = %v, want %v", c, got, want)
		}
		s := string(c) + "x"
		if got, want := isLetterAt(s, 0), unicode.IsLetter(c); got != want {
			t.Errorf("isLetterAt(%q) = %v, want %v", s, got, want)
		}
		tok := Token{Text: s}
		if got, want := tok.IsWord(), unicode.IsLetter(c) || unicode.IsDigit(c); got != want {
			t.Errorf("IsWord(%q) = %v, want %v", s, got, want)
		}
		if got, want := tok.IsCapitalized(), unicode.IsUpper(c); got != want {
			t.Errorf("IsCapitalized(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzTokenize holds Tokenize to its contract on any text: tokens in
// order, each the text at its offsets with the normal form Normalize
// gives it, and nothing but white space between them.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"U.S. Secretary Blinken met Japan's Foreign Minister.", "Côte d'Ivoire, 4 March.", "D.P.R.K. missiles",
		"İSTANBUL ﬁnal Straße", "Japan’S role", "\u00a0a\u0085b", "O'Brien's", "", "\xff\xfeA",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < at || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("%q: token %q at [%d,%d) after %d", s, tok.Text, tok.Start, tok.End, at)
			}
			if strings.TrimLeftFunc(s[at:tok.Start], unicode.IsSpace) != "" {
				t.Errorf("%q: %q skipped before %q", s, s[at:tok.Start], tok.Text)
			}
			if tok.Text != s[tok.Start:tok.End] {
				t.Errorf("%q: token %q is not the text at [%d,%d)", s, tok.Text, tok.Start, tok.End)
			}
			if want := Normalize(tok.Text); tok.Norm != want {
				t.Errorf("%q: token %q has normal form %q, Normalize gives %q", s, tok.Text, tok.Norm, want)
			}
			at = tok.End
		}
		if strings.TrimLeftFunc(s[at:], unicode.IsSpace) != "" {
			t.Errorf("%q: %q skipped at the end", s, s[at:])
		}
	})
}

func TestTrieWords(t *testing.T) {
	tr := &Trie[int]{}
	for i := range 1000 {
		tr.AddWord("w"+strconv.Itoa(i), i)
	}
	tr.AddWord("w7", -7)
	for i, tok := range Tokenize("w7 w999 w1000 W12") {
		got := tr.WordValues(tok)
		want := [][]int{{7, -7}, {999}, nil, {12}}[i]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("WordValues(%q) = %v, want %v", tok.Text, got, want)
		}
	}
	// The phrase trie finds what AddWord filed, and only at one word.
	if vals, n := tr.LongestAt(Tokenize("w5 w6"), 0, nil); n != 1 || !reflect.DeepEqual(vals, []int{5}) {
		t.Errorf("LongestAt = %v, %d", vals, n)
	}
}
