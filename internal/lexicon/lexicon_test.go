package lexicon

import (
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/internal/text"
)

func TestLoads(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lx.States); n < 193 {
		t.Errorf("%d states, want every UN member and observer (195)", n)
	}
	for _, c := range []string{"US", "JP", "IN", "AU", "CN", "KP", "KR", "PS", "VA", "SS", "TL"} {
		if _, ok := lx.States[c]; !ok {
			t.Errorf("no state %s", c)
		}
	}
	if len(lx.Topics) < 40 {
		t.Errorf("%d topics, want at least 40", len(lx.Topics))
	}
	if len(lx.Officials) < 300 {
		t.Errorf("%d office holders", len(lx.Officials))
	}
}

// TestNoPhraseNamesTwoTopics keeps the taxonomy unambiguous: a synonym
// filed under two topics would make the first one loaded win silently.
func TestNoPhraseNamesTwoTopics(t *testing.T) {
	lx := MustDefault()
	owner := map[string]string{}
	for _, tp := range lx.Topics {
		for _, s := range append([]string{tp.Name}, tp.Synonyms...) {
			k := text.NormalizePhrase(s)
			if o, ok := owner[k]; ok && o != tp.ID {
				t.Errorf("%q names both %s and %s", s, o, tp.ID)
			}
			owner[k] = tp.ID
		}
	}
}

func TestAliasesResolve(t *testing.T) {
	lx := MustDefault()
	cases := map[string]string{"U.S.": "US", "ROK": "KR", "DPRK": "KP", "PRC": "CN", "Japanese": "JP", "United Kingdom": "GB", "Türkiye": "TR", "Viet Nam": "VN"}
	for alias, want := range cases {
		toks := text.Tokenize(alias)
		vals, n := lx.Entities.LongestAt(toks, 0, nil)
		if n != len(toks) || vals[0].Kind != KindState || vals[0].ID != want {
			t.Errorf("%q: got %v (%d tokens), want state %s", alias, vals, n, want)
		}
	}
}

func TestOfficeHolders(t *testing.T) {
	lx := MustDefault()
	for date, want := range map[string]string{"2022-06-01": "Antony Blinken", "2025-03-01": "Marco Rubio", "2018-06-01": "Mike Pompeo"} {
		hs := lx.OfficeHolders("US", "foreign-minister", date)
		if len(hs) != 1 || hs[0].Name != want {
			t.Errorf("US foreign minister on %s: %v, want %s", date, hs, want)
		}
	}
}

// TestWordsLoad checks that every word list of data/words.yaml, and the
// object vocabulary of data/acts.yaml, loaded with something in it: a
// misspelt key would otherwise leave a list empty and quietly change what
// extraction reads.
func TestWordsLoad(t *testing.T) {
	lx := MustDefault()
	nonEmpty(t, "Words", reflect.ValueOf(lx.Words))
	nonEmpty(t, "Object", reflect.ValueOf(lx.Object))
	if _, n := lx.Words.GroupPhrases.LongestAt(text.Tokenize("the two sides agreed"), 0, nil); n != 3 {
		t.Errorf("group phrase %q not found", "the two sides")
	}
}

// nonEmpty fails for each map, slice or pointer field of the struct v that
// is empty or nil.
func nonEmpty(t *testing.T, name string, v reflect.Value) {
	t.Helper()
	for i := 0; i < v.NumField(); i++ {
		field, f := v.Type().Field(i).Name, v.Field(i)
		switch f.Kind() {
		case reflect.Map, reflect.Slice:
			if f.Len() == 0 {
				t.Errorf("%s.%s is empty", name, field)
			}
		case reflect.Pointer:
			if f.IsNil() {
				t.Errorf("%s.%s is nil", name, field)
			}
		default:
			t.Errorf("%s.%s: no check for a %s", name, field, f.Kind())
		}
	}
}

func TestHome(t *testing.T) {
	lx := MustDefault()
	if len(lx.ReleaseCues) == 0 {
		t.Error("no release cues")
	}
	if o, ok := lx.BareHeadOffice("US", "Secretary"); !ok || o != "foreign-minister" {
		t.Errorf("US bare Secretary: %q %v, want foreign-minister", o, ok)
	}
	if o, ok := lx.BareHeadOffice("GB", "Secretary"); ok {
		t.Errorf("GB bare Secretary: %q, want none", o)
	}
}
