package extract

import (
	"reflect"
	"testing"
)

func TestSegment(t *testing.T) {
	seg, err := newSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body string
		want       []string
	}{
		{"a line break ends a sentence", "Readout of the call\nThe ministers spoke today.",
			[]string{"Readout of the call", "The ministers spoke today."}},
		{"sentences within a paragraph", "The ministers met. They discussed trade.",
			[]string{"The ministers met.", "They discussed trade."}},
		{"abbreviations do not end a sentence", "The U.S. delegation met Dr. Osei and Gen. Mensah in Accra.",
			[]string{"The U.S. delegation met Dr. Osei and Gen. Mensah in Accra."}},
		{"blank lines and spaces are dropped", "\n  First line.  \n\n\nSecond line.\n",
			[]string{"First line.", "Second line."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			ss, _ := segment(seg, c.body, nil)
			for i, s := range ss {
				if s.index != i || len(s.toks) == 0 {
					t.Errorf("sentence %d: index %d, %d tokens", i, s.index, len(s.toks))
				}
				got = append(got, s.text)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzPunktSentences holds punktSentences, which shows the Punkt model
// only the words around sentence punctuation, to the library's own
// Tokenize, which shows it every word: the sentences must be the same.
func FuzzPunktSentences(f *testing.F) {
	for _, s := range []string{
		"The ministers met. They discussed trade.",
		"The U.S. delegation met Dr. Osei and Gen. Mensah in Accra. Talks went on.",
		"Mr. J. S. Mill arrived at 3 p.m. on Jan. 4. He left... later! Why? \"Yes.\" (No.) Done.",
		"Item 1. The first. 2. The second. No. 5 was dropped. E.U. and U.N. agreed.",
		"等等。然后？ 好！ Fine.", ". . . .", "a.b.c. d", "", "...", "x", "Hello.World. ok",
	} {
		f.Add(s)
	}
	seg, err := newSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, para string) {
		var want []string
		for _, s := range seg.Tokenize(para) {
			want = append(want, s.Text)
		}
		if got := punktSentences(seg, para); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", para, got, want)
		}
	})
}
