package readout

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the readout parser: it must never
// panic, and what it accepts must be valid UTF-8 with a stable id.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"New Delhi, 4 March 2023 (TDI): A met B.",
		"---\ntitle: x\ndate: 2024-01-02\n---\nbody",
		"---\n---\n", "---\ntitle: [[[[\n---\nx", "\x00\xff", "\u202eright to left\u202c",
		strings.Repeat("(", 64) + "x" + strings.Repeat(")", 64), "---\ndate: !!binary AAAA\n---\nx",
		"Foreign Minister Hayashi met" + strings.Repeat(" Secretary Blinken and", 20) + " discussed trade.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkParse)
}

// Seeds stay small (under a kilobyte) so that the fuzzer mutates quickly:
// megabyte seeds brought four targets to 0 execs/s within seconds. The
// large inputs run as ordinary tests instead (TestLargeInputs).

func checkParse(t *testing.T, data []byte) {
	r, err := Parse("fuzz.txt", data)
	if err != nil {
		return
	}
	if !utf8.ValidString(r.Body) || r.ID != ContentID(r.Body) || strings.TrimSpace(r.Body) == "" {
		t.Errorf("accepted a bad readout: %+v", r)
	}
}

// FuzzDates checks that date parsing never panics and only returns real
// calendar dates.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"4 March 2023", "March 4, 2023", "2023-02-30", "31 Apr 2023", "99/99/9999", "Tokyo, March 4 —",
		"10/14/2021", "23.10.2018", "13-January-2020", "2 Dec. 20", "Sept. 9, 2019", "Tuesday, 14 October 2021",
		"14th of October", "WASHINGTON, DC, Oct. 2, 2020 —", "2023-02-04 11:14\n\nOn 3 Feb 2023", "on Monday", "1.2.3",
	} {
		f.Add(s)
	}
	f.Fuzz(checkDates)
}

// checkDates holds the date readers to their contract on one input.
func checkDates(t *testing.T, s string) {
	if d, ok := ParseDate(s); ok {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			t.Errorf("ParseDate(%q) = %q, not a calendar date", s, d)
		}
		if again, _ := ParseDate(d); again != d {
			t.Errorf("ParseDate(%q) = %q, which reads back as %q", s, d, again)
		}
	}
	FindDateline(s)
	PlaceIn(s)
	ResolvePartial(s, "2024-03-01")
	if d, ok := DateIn(s, "2024-03-01"); ok && (len(d) != 10 || d > "2024-03-08") {
		t.Errorf("DateIn(%q) = %q, after the readout's week", s, d)
	}
	// DateIn skips the readers whose words a sentence cannot hold.
	if !strings.ContainsAny(s, "0123456789") {
		scanDates(s, func(d dateSpan) bool {
			t.Errorf("%q has no digit, yet scanDates read a date at %d", s, d.start)
			return false
		})
	}
	if weekday, today := relativeWords(s); !containsDay(s) && (weekday != "" || today != "") {
		t.Errorf("%q has no \"day\", yet relativeWords read %q, %q", s, weekday, today)
	}
}

// FuzzRecord feeds arbitrary JSON Lines records to the record parser.
func FuzzRecord(f *testing.F) {
	for _, s := range []string{`{"id":"1","text":"A met B."}`, `{"text":1}`, `[]`, `{"date":"x","text":"y"}`, `{"text":"\u0000"}`,
		strings.Repeat("[", 64) + strings.Repeat("]", 64), `{"text":{"text":{"text":"x"}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkRecord)
}

func checkRecord(t *testing.T, raw []byte) {
	it := parseRecord("c.jsonl", "c.jsonl:1", "c.jsonl:1", raw)
	if it.Err == nil && !utf8.ValidString(it.Readout.Body) {
		t.Errorf("accepted invalid text from %q", raw)
	}
}

// TestLargeInputs runs the inputs too large to be fuzz seeds through the
// fuzz targets' checks: a megabyte line, 5,000-deep brackets, JSON nested
// 100,000 deep.
func TestLargeInputs(t *testing.T) {
	line := "Foreign Minister Hayashi met" + strings.Repeat(" Secretary Blinken and", 50_000) + " discussed trade."
	brackets := strings.Repeat("(", 5000) + "x" + strings.Repeat(")", 5000)
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	for name, in := range map[string]string{"megabyte line": line, "nested brackets": brackets} {
		t.Run(name, func(t *testing.T) {
			checkParse(t, []byte(in))
			checkDates(t, in)
			checkRecord(t, []byte(`{"id":"x","text":`+strconv.Quote(in)+`}`))
		})
	}
	t.Run("deep json", func(t *testing.T) { checkRecord(t, []byte(deep)) })
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
