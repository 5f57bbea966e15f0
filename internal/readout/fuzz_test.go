package readout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the readout parser: it must never
// panic, and what it accepts must be valid UTF-8 with a stable id.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"New Delhi, 4 March 2023 (TDI): A met B.",
		"---\ntitle: x\ndate: 2024-01-02\n---\nbody",
		"---\n---\n", "---\ntitle: [[[[\n---\nx", "\x00\xff", "\u202eright to left\u202c",
		strings.Repeat("(", 1000), "---\ndate: !!binary AAAA\n---\nx",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		if !utf8.ValidString(r.Body) || r.ID != ContentID(r.Body) || strings.TrimSpace(r.Body) == "" {
			t.Errorf("accepted a bad readout: %+v", r)
		}
	})
}

// FuzzDates checks that date parsing never panics and only returns real
// calendar dates.
func FuzzDates(f *testing.F) {
	for _, s := range []string{"4 March 2023", "March 4, 2023", "2023-02-30", "31 Apr 2023", "99/99/9999", "Tokyo, March 4 —"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok {
			if len(d) != 10 || d[4] != '-' || d[7] != '-' {
				t.Errorf("ParseDate(%q) = %q", s, d)
			}
		}
		FindDateline(s)
		ResolvePartial(s, "2024-03-01")
		if d, ok := DateIn(s, "2024-03-01"); ok && (len(d) != 10 || d > "2024-03-08") {
			t.Errorf("DateIn(%q) = %q, after the readout's week", s, d)
		}
	})
}

// FuzzRecord feeds arbitrary JSON Lines records to the record parser.
func FuzzRecord(f *testing.F) {
	for _, s := range []string{`{"id":"1","text":"A met B."}`, `{"text":1}`, `[]`, `{"date":"x","text":"y"}`, `{"text":"\u0000"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		it := parseRecord("c.jsonl", "c.jsonl:1", "c.jsonl:1", raw)
		if it.Err == nil && !utf8.ValidString(it.Readout.Body) {
			t.Errorf("accepted invalid text from %q", raw)
		}
	})
}

// FuzzCleanMarkdown checks that skipping the Markdown patterns whose
// characters are absent changes nothing: the result is what running every
// pattern over the text gives.
func FuzzCleanMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\n- one\n* two\n+ three\n1. four\n2) five\n> quoted\n",
		"See [the statement](https://example.org) and ![a map](m.png).",
		"**Bold** and _lean_ and __both__ words", "\n \n\t- spaced\n", "a\r- b", "\v- x", " \f3. y",
		"Tokyo, 4 March 2023 - the Quad met; 12 items, 3-4 days.", "12", "-", "x\n\n\n>",
	} {
		f.Add(s)
	}
	everyPattern := func(s string) string {
		s = mdLink.ReplaceAllString(s, "$1")
		s = mdEmphasis.ReplaceAllString(s, "$2")
		s = mdHeading.ReplaceAllString(s, "")
		s = mdBullet.ReplaceAllString(s, "")
		return mdQuote.ReplaceAllString(s, "")
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanMarkdown(s), everyPattern(s); got != want {
			t.Errorf("cleanMarkdown(%q) = %q, every pattern gives %q", s, got, want)
		}
	})
}
