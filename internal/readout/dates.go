package readout

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A dateline: a capitalised place, a comma, a date, an optional agency in
// brackets, then a colon, a dash or the end of the line. "New Delhi, 4
// March 2023 (TDI):", "WASHINGTON, Oct. 2, 2020 —", "Putrajaya, 4 September
// 2018". It runs on a readout's first lines only, so a regexp costs little.
var datelineHead = regexp.MustCompile(`^\s*([A-Z][\p{L}.'’ -]{1,60}?),\s+(?:[A-Z][a-z]+day,?\s+)?([^:—–()\n]{4,30}?)\s*(?:\([^)\n]{1,40}\))?\s*(:|—|–|--| - |$)`)

// placeHead is a dateline that names the place and the agency but no
// date: "Hanoi (VNA) –".
var placeHead = regexp.MustCompile(`^\s*([A-Z][\p{L}.'’ -]{1,40}?)\s*\([^)\n]{1,40}\)\s*(?::|—|–|--| - )`)

// isoOf validates a calendar date and formats it as YYYY-MM-DD.
func isoOf(year int, month time.Month, day int) (string, bool) {
	if year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 {
		return "", false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != month {
		return "", false // 31 April and friends
	}
	return t.Format("2006-01-02"), true
}

// ParseDate reads a full date written in any of the common English forms
// (2023-03-04, 4 March 2023, March 4, 2023, 4th Mar. 2023, Tuesday, 14
// October 2021, 13-January-2020, 2 Dec. 20, 23.10.2018, 10/14/2021; see
// numericAt for how 03/04/2023 is read) and returns it as YYYY-MM-DD. It
// reports false when s holds no full date.
func ParseDate(s string) (string, bool) {
	d, _, _, ok := findDate(s)
	return d, ok
}

// headLines is how many of a readout's first lines may hold its dateline.
const headLines = 8

// FindDateline finds where and when a readout's meeting took place from its
// text: a dateline ("New Delhi, 4 March 2023 (TDI):"), else a line holding
// only a date ("March 4, 2023", "June 27, 2021 - Ottawa, Ontario"), else
// the first full date of the opening paragraphs that is not about the
// future. Either result may be empty.
func FindDateline(body string) (location, date string) {
	head := body
	if len(head) > 2000 {
		head = head[:2000]
	}
	lines := strings.Split(head, "\n")
	for i, line := range lines {
		if i >= headLines {
			break
		}
		// Without a colon or dash to close it, a line is a dateline only
		// when it opens with a place name: "Talks in Rome, 4 March 2023"
		// is a title.
		if m := datelineHead.FindStringSubmatch(line); m != nil && (m[3] != "" || placeLike(m[1])) {
			if d, start, _, ok := findDate(m[2]); ok {
				return datelinePlace(m[1], m[2][:start]), d
			}
		}
		if m := placeHead.FindStringSubmatch(line); m != nil && location == "" && placeLike(m[1]) {
			location = placeName(m[1])
		}
		if loc, d, ok := dateLine(line, lines[i+1:]); ok {
			if location == "" {
				location = loc
			}
			return location, d
		}
	}
	return location, firstPastDate(head)
}

// datelinePlace is the place of a dateline, with the region the date
// came after when it names one: "WASHINGTON, DC, Oct. 2, 2020".
func datelinePlace(place, beforeDate string) string {
	if region := strings.TrimRight(strings.TrimSpace(beforeDate), ","); region != "" && placeLike(region) {
		place += ", " + region
	}
	return placeName(place)
}

// maxDateLine bounds a line that holds a date and nothing else worth reading.
const maxDateLine = 40

// dateLine reads a line that opens with a date: alone ("Oct. 24, 2017",
// "07.06.2021 - Press release"), or followed by the place it was issued
// ("June 27, 2021 - Ottawa, Ontario - Global Affairs Canada"). A date
// followed by a clock time ("2023-02-04 11:14") is when a page was posted;
// when the paragraph after it dates the meeting a day or two earlier, that
// is the readout's date.
func dateLine(line string, rest []string) (loc, date string, ok bool) {
	t := strings.TrimSpace(line)
	d, start, end, ok := findDate(t)
	if !ok || start != 0 {
		return "", "", false
	}
	after := strings.TrimSpace(t[end:])
	if p, found := strings.CutPrefix(after, "- "); found {
		if i := strings.Index(p, " - "); i >= 0 {
			p = p[:i]
		}
		if placeLike(p) {
			return placeName(p), d, true
		}
	}
	if len(t) > maxDateLine {
		return "", "", false
	}
	if clockTime(after) {
		if e, ok := eventDateBefore(rest, d); ok {
			d = e
		}
	}
	return "", d, true
}

// clockTime reports whether s opens with a time of day, "11:14".
func clockTime(s string) bool {
	h, end := digits(s, 0)
	return h >= 0 && end <= 2 && end < len(s) && s[end] == ':' && end+1 < len(s) && isDigit(s[end+1])
}

// postingLag is how long after a meeting a page stamped with its posting
// time may have been posted and still be about it.
const postingLag = 3 * 24 * time.Hour

// eventDateBefore finds the full date in the first paragraph of rest that
// falls at most postingLag before posted.
func eventDateBefore(rest []string, posted string) (string, bool) {
	for _, l := range rest {
		if strings.TrimSpace(l) == "" {
			continue
		}
		d, ok := ParseDate(l)
		if !ok {
			return "", false
		}
		t, _ := time.Parse("2006-01-02", d)
		p, _ := time.Parse("2006-01-02", posted)
		if !t.After(p) && p.Sub(t) <= postingLag {
			return d, true
		}
		return "", false
	}
	return "", false
}

// firstPastDate is the first full date in s that is not in a clause about
// the future: "due to be held on 5 December 2020" is not when a readout's
// meeting took place.
func firstPastDate(s string) string {
	found := ""
	scanDates(s, func(d dateSpan) bool {
		iso, ok := d.iso()
		if ok && !futureClause(s[clauseStart(s, d.start):d.start]) {
			found = iso
			return false
		}
		return true
	})
	return found
}

// clauseStart is where the sentence or line holding s[i] begins.
func clauseStart(s string, i int) int {
	for j := i - 1; j > 0; j-- {
		if s[j] == '\n' || (s[j] == ' ' && (s[j-1] == '.' || s[j-1] == '!' || s[j-1] == '?')) {
			return j + 1
		}
	}
	return 0
}

// futureWords mark a clause that speaks of what is still to happen.
var futureWords = []string{"will ", "due to ", "upcoming", "ahead of", "next ", "later this", "plan to", "planned", "scheduled"}

// futureClause reports whether a clause speaks of the future.
func futureClause(s string) bool {
	s = strings.ToLower(s)
	for _, w := range futureWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ResolvePartial reads a date given without a year ("March 4", "4 March")
// and places it in the year of ref (YYYY-MM-DD), moving to the previous year
// when that would put it more than a month after ref: readouts report the
// past. It reports false when s holds no such date or ref is not a date.
func ResolvePartial(s, ref string) (string, bool) {
	var first dateSpan
	found := false
	scanDates(s, func(d dateSpan) bool {
		first, found = d, true
		return false
	})
	if !found {
		return "", false
	}
	return resolvePartial(first, ref)
}

// resolvePartial places the day and month of d in the year of ref, as
// ResolvePartial does.
func resolvePartial(d dateSpan, ref string) (string, bool) {
	r, err := time.Parse("2006-01-02", ref)
	if err != nil {
		return "", false
	}
	iso, ok := isoOf(r.Year(), d.month, d.day)
	if !ok {
		return "", false
	}
	t, _ := time.Parse("2006-01-02", iso)
	if t.Sub(r) > 31*24*time.Hour {
		iso, ok = isoOf(r.Year()-1, d.month, d.day)
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

// factWindow bounds how far before the readout's date a date in its text
// may be and still be when the reported meeting happened; an older date
// ("the treaty of 1990") is about something else.
const factWindow = 92 * 24 * time.Hour

// DateIn finds when a sentence of a readout dated ref says its events
// happened: a full date near ref, "on March 4", "on Tuesday" (the latest
// Tuesday on or before ref), "today" or "yesterday". It reports false when
// the sentence gives no such date; without ref only a full date counts.
func DateIn(sentence, ref string) (string, bool) {
	full, fullOK, on, onOK := "", false, dateSpan{}, false
	// Every date scanDates reads has a digit, and every word
	// relativeWords reads ends in "day": most sentences have neither,
	// and these two tests were most of what reading their dates cost.
	if strings.ContainsAny(sentence, "0123456789") {
		scanDates(sentence, func(d dateSpan) bool {
			if d.year != 0 {
				full, fullOK = d.iso()
				return !fullOK
			}
			if !onOK && afterOn(sentence, d.start) {
				on, onOK = d, true
			}
			return true
		})
	}
	if fullOK {
		// A full date far from the readout's is about something else,
		// and its day and month must not be read again as a near date.
		if nearRef(full, ref) {
			return full, true
		}
		return "", false
	}
	if ref == "" {
		return "", false
	}
	if onOK {
		if d, ok := resolvePartial(on, ref); ok && nearRef(d, ref) {
			return d, true
		}
	}
	if !containsDay(sentence) {
		return "", false
	}
	weekday, today := relativeWords(sentence)
	for _, w := range []string{weekday, today} {
		if w == "" {
			continue
		}
		if d, err := ResolveRelative(w, ref); err == nil {
			return d, true
		}
	}
	return "", false
}

// afterOn reports whether "on" or "On" and white space come just before
// s[i]: "on March 4" dates an event, "by March 4" or "March 4 deadline"
// does not.
func afterOn(s string, i int) bool {
	j := i
	for j > 0 && isSpace(s[j-1]) {
		j--
	}
	return j < i && j >= 2 && (s[j-2:j] == "on" || s[j-2:j] == "On") && wordStart(s, j-2)
}

// relativeWords finds the first weekday introduced by "on", "last" or
// "this past" ("on Tuesday") and the first "today" or "yesterday" in s,
// in any case.
func relativeWords(s string) (weekday, today string) {
	// The two words before the current one, when only white space
	// separates them from it.
	prev, prev2 := "", ""
	prevEnd := -1
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) || !wordStart(s, i) {
			continue
		}
		end := letters(s, i)
		w := s[i:end]
		if prevEnd < 0 || strings.TrimLeft(s[prevEnd:i], " \t\n\r\v\f") != "" || prevEnd == i {
			prev, prev2 = "", ""
		}
		if !endsWord(s, end) {
			prev, prev2, prevEnd = "", "", -1
			i = end - 1
			continue
		}
		if wd := weekdayName(w); wd != "" && weekday == "" &&
			(strings.EqualFold(prev, "on") || strings.EqualFold(prev, "last") ||
				strings.EqualFold(prev2, "this") && strings.EqualFold(prev, "past")) {
			weekday = wd
		}
		if today == "" && (strings.EqualFold(w, "today") || strings.EqualFold(w, "yesterday")) {
			today = w
		}
		if weekday != "" && today != "" {
			break
		}
		prev, prev2, prevEnd = w, prev, end
		i = end - 1
	}
	return weekday, today
}

// containsDay reports whether "day" stands in s in any case: every
// weekday, "today" and "yesterday" end in it.
func containsDay(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'd' && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 'y' {
			return true
		}
	}
	return false
}

// weekdayName returns the lower-case weekday w names in any case, or "".
func weekdayName(w string) string {
	if len(w) < 6 || len(w) > 9 || !strings.ContainsRune("mtwfsMTWFS", rune(w[0])) {
		return ""
	}
	for _, name := range weekdayNames {
		if strings.EqualFold(w, name) {
			return name
		}
	}
	return ""
}

var weekdayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

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
