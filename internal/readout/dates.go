package readout

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// monthPattern matches an English month name or its abbreviation.
const monthPattern = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// 4 March 2023, 4th March, 2023
	dayMonthYear = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPattern + `),?\s+(\d{4})\b`)
	// March 4, 2023; March 4th 2023
	monthDayYear = regexp.MustCompile(`\b(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// 2023-03-04, 2023/03/04
	isoDate = regexp.MustCompile(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b`)
	// March 4 (no year), 4 March (no year)
	monthDay = regexp.MustCompile(`\b(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	dayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPattern + `)\b`)

	// A dateline: a capitalised place, a comma, a date, an optional agency
	// in brackets, then a colon or dash. "New Delhi, 4 March 2023 (TDI):"
	datelineHead = regexp.MustCompile(`^\s*([A-Z][\p{L}.'’ -]{1,60}?),\s+(?:[A-Z][a-z]+day,?\s+)?([^:—–()\n]{4,30}?)\s*(?:\([^)\n]{1,40}\))?\s*(?::|—|–|--| - )`)
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	m, ok := months[s[:3]]
	return m, ok
}

// isoOf validates a calendar date and formats it as YYYY-MM-DD.
func isoOf(year int, month time.Month, day int) (string, bool) {
	if year < 1900 || year > 2200 || day < 1 || day > 31 {
		return "", false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != month {
		return "", false // 31 April and friends
	}
	return t.Format("2006-01-02"), true
}

// ParseDate reads a full date written in any of the common English forms
// (2023-03-04, 4 March 2023, March 4, 2023, 4th Mar. 2023) and returns it
// as YYYY-MM-DD. It reports false when s holds no full date.
func ParseDate(s string) (string, bool) {
	d, _, ok := findDate(s)
	return d, ok
}

// findDate finds the first full date in s, returning it and its position.
func findDate(s string) (string, int, bool) {
	best, bestAt := "", -1
	consider := func(iso string, at int) {
		if bestAt < 0 || at < bestAt {
			best, bestAt = iso, at
		}
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if mo >= 1 && mo <= 12 {
			if iso, ok := isoOf(y, time.Month(mo), d); ok {
				consider(iso, m[0])
			}
		}
	}
	if m := dayMonthYear.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, okM := monthOf(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if iso, ok := isoOf(y, mo, d); ok && okM {
			consider(iso, m[0])
		}
	}
	if m := monthDayYear.FindStringSubmatchIndex(s); m != nil {
		mo, okM := monthOf(s[m[2]:m[3]])
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if iso, ok := isoOf(y, mo, d); ok && okM {
			consider(iso, m[0])
		}
	}
	return best, bestAt, bestAt >= 0
}

// FindDateline finds where and when a readout's meeting took place from its
// text: a dateline ("New Delhi, 4 March 2023 (TDI):"), else a line holding
// only a date ("March 4, 2023"), else the first full date of the opening
// paragraphs. Either result may be empty.
func FindDateline(body string) (location, date string) {
	head := body
	if len(head) > 2000 {
		head = head[:2000]
	}
	lines := strings.Split(head, "\n")
	for i, line := range lines {
		if i >= 8 {
			break
		}
		if m := datelineHead.FindStringSubmatch(line); m != nil {
			if d, ok := ParseDate(m[2]); ok {
				return strings.TrimSpace(m[1]), d
			}
		}
		t := strings.TrimSpace(line)
		if d, at, ok := findDate(t); ok && at == 0 && len(t) <= 40 {
			return "", d
		}
	}
	if d, _, ok := findDate(head); ok {
		return "", d
	}
	return "", ""
}

// ResolvePartial reads a date given without a year ("March 4", "4 March")
// and places it in the year of ref (YYYY-MM-DD), moving to the previous year
// when that would put it more than a month after ref: readouts report the
// past. It reports false when s holds no such date or ref is not a date.
func ResolvePartial(s, ref string) (string, bool) {
	r, err := time.Parse("2006-01-02", ref)
	if err != nil {
		return "", false
	}
	var mo time.Month
	var d int
	if m := monthDay.FindStringSubmatch(s); m != nil {
		var ok bool
		if mo, ok = monthOf(m[1]); !ok {
			return "", false
		}
		d, _ = strconv.Atoi(m[2])
	} else if m := dayMonth.FindStringSubmatch(s); m != nil {
		var ok bool
		if mo, ok = monthOf(m[2]); !ok {
			return "", false
		}
		d, _ = strconv.Atoi(m[1])
	} else {
		return "", false
	}
	iso, ok := isoOf(r.Year(), mo, d)
	if !ok {
		return "", false
	}
	t, _ := time.Parse("2006-01-02", iso)
	if t.Sub(r) > 31*24*time.Hour {
		iso, ok = isoOf(r.Year()-1, mo, d)
	}
	return iso, ok
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// ResolveRelative turns "today", "yesterday" or a weekday name ("on
// Tuesday": the latest such day on or before ref) into a date relative to
// the readout's own date ref.
func ResolveRelative(word, ref string) (string, error) {
	r, err := time.Parse("2006-01-02", ref)
	if err != nil {
		return "", fmt.Errorf("reference date %q: %w", ref, err)
	}
	w := strings.ToLower(strings.TrimSpace(word))
	switch w {
	case "today":
		return ref, nil
	case "yesterday":
		return r.AddDate(0, 0, -1).Format("2006-01-02"), nil
	}
	wd, ok := weekdays[w]
	if !ok {
		return "", fmt.Errorf("%q is not a relative date", word)
	}
	back := (int(r.Weekday()) - int(wd) + 7) % 7
	return r.AddDate(0, 0, -back).Format("2006-01-02"), nil
}

var (
	onMonthDay = regexp.MustCompile(`\b[Oo]n\s+(?:` + monthPattern + `\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+` + monthPattern + `)\b`)
	onWeekday  = regexp.MustCompile(`(?i)\b(?:on|last|this past)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	todayWord  = regexp.MustCompile(`(?i)\b(today|yesterday)\b`)
)

// factWindow bounds how far before the readout's date a date in its text
// may be and still be when the reported meeting happened; an older date
// ("the treaty of 1990") is about something else.
const factWindow = 92 * 24 * time.Hour

// DateIn finds when a sentence of a readout dated ref says its events
// happened: a full date near ref, "on March 4", "on Tuesday" (the latest
// Tuesday on or before ref), "today" or "yesterday". It reports false when
// the sentence gives no such date; without ref only a full date counts.
func DateIn(sentence, ref string) (string, bool) {
	if d, ok := ParseDate(sentence); ok {
		// A full date far from the readout's is about something else,
		// and its day and month must not be read again as a near date.
		if nearRef(d, ref) {
			return d, true
		}
		return "", false
	}
	if ref == "" {
		return "", false
	}
	if m := onMonthDay.FindString(sentence); m != "" {
		if d, ok := ResolvePartial(m, ref); ok && nearRef(d, ref) {
			return d, true
		}
	}
	if m := onWeekday.FindStringSubmatch(sentence); m != nil {
		if d, err := ResolveRelative(m[1], ref); err == nil {
			return d, true
		}
	}
	if m := todayWord.FindStringSubmatch(sentence); m != nil {
		if d, err := ResolveRelative(m[1], ref); err == nil {
			return d, true
		}
	}
	return "", false
}

// nearRef reports whether date d could be the date of a meeting a readout
// dated ref reports: no later than a week after it, no earlier than a
// quarter before. Any date is near an unknown ref.
func nearRef(d, ref string) bool {
	if ref == "" {
		return true
	}
	t, err1 := time.Parse("2006-01-02", d)
	r, err2 := time.Parse("2006-01-02", ref)
	if err1 != nil || err2 != nil {
		return false
	}
	return !t.After(r.AddDate(0, 0, 7)) && r.Sub(t) <= factWindow
}
