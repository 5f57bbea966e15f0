package readout

import (
	"strings"
	"time"
)

// This file is a hand-written scanner for the dates readouts write. It
// replaces a handful of regular expressions that ran over every sentence
// of every readout: most sentences hold no date, and the scanner rejects
// them after looking at each word's first byte, where the expressions
// backtracked through every position.

// dateSpan is a date found in text. year is 0 when the text gave none;
// start and end are byte offsets into the text.
type dateSpan struct {
	year, day  int
	month      time.Month
	start, end int
}

// iso formats a full date as YYYY-MM-DD, reporting false for a day the
// calendar does not have (31 February) or a missing year.
func (d dateSpan) iso() (string, bool) {
	if d.year == 0 {
		return "", false
	}
	return isoOf(d.year, d.month, d.day)
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isWordByte is what regexp's \b treats as a word character.
func isWordByte(c byte) bool { return isDigit(c) || isLetter(c) || c == '_' }

// wordStart reports whether a word or number may begin at s[i].
func wordStart(s string, i int) bool { return i == 0 || !isWordByte(s[i-1]) }

// endsWord reports whether nothing word-like follows s[:i].
func endsWord(s string, i int) bool { return i >= len(s) || !isWordByte(s[i]) }

// digits reads the run of digits at s[i]: its value and where it ends.
// Runs longer than four digits are no part of a date and read as -1.
func digits(s string, i int) (v, end int) {
	end = i
	for end < len(s) && isDigit(s[end]) {
		if end-i < 4 {
			v = v*10 + int(s[end]-'0')
		}
		end++
	}
	if end-i > 4 || end == i {
		return -1, end
	}
	return v, end
}

// letters returns the end of the run of ASCII letters at s[i].
func letters(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// spaces skips white space, reporting false when there was none.
func spaces(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	return j, j > i
}

var monthWords = map[string]time.Month{
	"jan": time.January, "january": time.January, "feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March, "apr": time.April, "april": time.April, "may": time.May,
	"jun": time.June, "june": time.June, "jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August, "sep": time.September, "sept": time.September,
	"september": time.September, "oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November, "dec": time.December, "december": time.December,
}

// capitalised reports whether w is written "March" or "MARCH". Lower-case
// words are not taken as months, so that "may" and "march" stay verbs.
func capitalised(w string) bool {
	if w == "" || !isUpper(w[0]) {
		return false
	}
	lower, upper := true, true
	for i := 1; i < len(w); i++ {
		lower = lower && !isUpper(w[i])
		upper = upper && isUpper(w[i])
	}
	return lower || upper
}

// monthAt reads a month name or abbreviation ("Sept.", "DECEMBER") at
// s[i], returning the month and the end of the word and its dot.
func monthAt(s string, i int) (time.Month, int, bool) {
	if i >= len(s) || !strings.ContainsRune("JFMASOND", rune(s[i])) || !wordStart(s, i) {
		return 0, 0, false
	}
	end := letters(s, i)
	if n := end - i; n < 3 || n > 9 || !capitalised(s[i:end]) {
		return 0, 0, false
	}
	m, ok := monthWords[strings.ToLower(s[i:end])]
	if !ok {
		return 0, 0, false
	}
	if end < len(s) && s[end] == '.' {
		end++
	}
	return m, end, true
}

// ordinal skips an ordinal suffix ("4th", "1ST") after a day number.
func ordinal(s string, i int) int {
	if i+2 > len(s) {
		return i
	}
	switch strings.ToLower(s[i : i+2]) {
	case "st", "nd", "rd", "th":
		if endsWord(s, i+2) {
			return i + 2
		}
	}
	return i
}

// yearAt reads the year that may end a date, after its separator: four
// digits, or two read as 20YY when nothing word-like follows, so that
// "2 Dec. 20" is a date and "on 2 Dec 20 ministers met" is not.
func yearAt(s string, i int) (int, int, bool) {
	v, end := digits(s, i)
	if v < 0 || !endsWord(s, end) {
		return 0, 0, false
	}
	switch end - i {
	case 4:
		return v, end, true
	case 2:
		j, _ := spaces(s, end)
		if j < len(s) && isWordByte(s[j]) || end < len(s) && s[end] == ':' {
			return 0, 0, false // "2 Dec 20 ministers", "4 March 20:00"
		}
		return 2000 + v, end, true
	}
	return 0, 0, false
}

// withYear extends a day and month ending at i with the year that may
// follow: ", 2023", " 2023" or, when joined by hyphens, "-2023".
func withYear(s string, d dateSpan, i int, hyphen bool) dateSpan {
	if hyphen {
		if i < len(s) && s[i] == '-' {
			if y, end, ok := yearAt(s, i+1); ok {
				d.year, d.end = y, end
			}
		}
		return d
	}
	j := i
	if j < len(s) && s[j] == ',' {
		j++
	}
	j, ok := spaces(s, j)
	if !ok {
		return d
	}
	if y, end, ok := yearAt(s, j); ok {
		d.year, d.end = y, end
	}
	return d
}

// numericAt reads an all-number date at s[i]: 2023-03-04 or 2023/03/04,
// 23.10.2018 (day.month.year, as the languages that write dots do), and
// 10/14/2021 or 10-14-2021 read as month/day/year, the order US releases
// use, unless the first number is over 12, which only a day can be. The
// ambiguity a day and month both under 13 leave is settled for the US
// order: a slashed date in an English readout is most often American.
func numericAt(s string, i int) (dateSpan, bool) {
	a, e1 := digits(s, i)
	if a < 0 || e1 >= len(s) {
		return dateSpan{}, false
	}
	sep := s[e1]
	if sep != '-' && sep != '/' && sep != '.' {
		return dateSpan{}, false
	}
	b, e2 := digits(s, e1+1)
	if b < 0 || e2-e1-1 > 2 || e2 >= len(s) || s[e2] != sep {
		return dateSpan{}, false
	}
	c, e3 := digits(s, e2+1)
	if c < 0 || !endsWord(s, e3) {
		return dateSpan{}, false
	}
	d := dateSpan{start: i, end: e3}
	switch {
	case e1-i == 4 && e3-e2-1 <= 2:
		d.year, d.month, d.day = a, time.Month(b), c
	case e1-i <= 2 && e3-e2-1 == 4 && sep == '.':
		d.year, d.month, d.day = c, time.Month(b), a
	case e1-i <= 2 && e3-e2-1 == 4 && a > 12:
		d.year, d.month, d.day = c, time.Month(b), a
	case e1-i <= 2 && e3-e2-1 == 4:
		d.year, d.month, d.day = c, time.Month(a), b
	default:
		return dateSpan{}, false
	}
	if d.month < 1 || d.month > 12 {
		return dateSpan{}, false
	}
	return d, true
}

// dayFirstAt reads "4 March", "14th of October", "13-January" at s[i],
// with the year that may follow.
func dayFirstAt(s string, i int) (dateSpan, bool) {
	day, end := digits(s, i)
	if day < 0 || end-i > 2 {
		return dateSpan{}, false
	}
	if end < len(s) && s[end] == '-' {
		if m, mend, ok := monthAt(s, end+1); ok && s[mend-1] != '.' {
			return withYear(s, dateSpan{day: day, month: m, start: i, end: mend}, mend, true), true
		}
		return dateSpan{}, false
	}
	j, ok := spaces(s, ordinal(s, end))
	if !ok {
		return dateSpan{}, false
	}
	if strings.HasPrefix(s[j:], "of ") {
		j, _ = spaces(s, j+2)
	}
	m, mend, ok := monthAt(s, j)
	if !ok {
		return dateSpan{}, false
	}
	return withYear(s, dateSpan{day: day, month: m, start: i, end: mend}, mend, false), true
}

// monthFirstAt reads "March 4", "Dec. 2nd" at s[i], with the year that
// may follow.
func monthFirstAt(s string, i int) (dateSpan, bool) {
	m, mend, ok := monthAt(s, i)
	if !ok {
		return dateSpan{}, false
	}
	j, ok := spaces(s, mend)
	if !ok {
		return dateSpan{}, false
	}
	day, end := digits(s, j)
	if day < 0 || end-j > 2 {
		return dateSpan{}, false
	}
	end = ordinal(s, end)
	if !endsWord(s, end) {
		return dateSpan{}, false
	}
	return withYear(s, dateSpan{day: day, month: m, start: i, end: end}, end, false), true
}

// dateAt reads a date beginning at s[i], with or without its year.
func dateAt(s string, i int) (dateSpan, bool) {
	if i >= len(s) {
		return dateSpan{}, false
	}
	if isDigit(s[i]) {
		if d, ok := numericAt(s, i); ok {
			return d, true
		}
		return dayFirstAt(s, i)
	}
	return monthFirstAt(s, i)
}

// scanDates calls yield with each date in s in order, with or without a
// year, until yield returns false. A weekday before a full date ("Tuesday,
// 14 October 2021") is counted as its start.
func scanDates(s string, yield func(dateSpan) bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || isUpper(c)) || !wordStart(s, i) {
			continue
		}
		at := i
		if wd := weekdayAt(s, i); wd > i {
			at = wd
			if at < len(s) && s[at] == ',' {
				at++
			}
			at, _ = spaces(s, at)
		}
		if d, ok := dateAt(s, at); ok {
			if d.year != 0 {
				d.start = i
			}
			if !yield(d) {
				return
			}
			i = d.end - 1
			continue
		}
		// Skip the rest of this word or number: no date starts inside it.
		for i+1 < len(s) && isWordByte(s[i+1]) {
			i++
		}
	}
}

// weekdayAt returns the end of a capitalised weekday name at s[i], or i.
func weekdayAt(s string, i int) int {
	end := letters(s, i)
	if end-i < 6 || end-i > 9 || !isUpper(s[i]) {
		return i
	}
	if weekdayName(s[i:end]) == "" {
		return i
	}
	return end
}

// findDate finds the first full date in s: its YYYY-MM-DD form and its
// start and end. A date the calendar lacks is passed over.
func findDate(s string) (iso string, start, end int, ok bool) {
	scanDates(s, func(d dateSpan) bool {
		iso, ok = d.iso()
		start, end = d.start, d.end
		return !ok
	})
	return iso, start, end, ok
}
