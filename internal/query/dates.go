package query

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/diplograph/diplograph/internal/readout"
)

// DateRange bounds a question by date. A bound is a year (2021), a month
// (2021-03) or a day (2021-03-04), and takes in the whole of it; an empty
// bound is open.
type DateRange struct {
	Since string
	Until string
}

// ErrDate is returned for a bound that is not a year, a month or a day.
var ErrDate = errors.New("not a date: want a year (2021), a month (2021-03) or a day (2021-03-04)")

var partialDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// ParseBound reads a bound: a year, a month or a day in ISO form, or a
// full date in any form readouts use (4 March 2021).
func ParseBound(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if partialDate.MatchString(s) {
		layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
		if _, err := time.Parse(layout, s); err == nil {
			return s, nil
		}
	} else if d, ok := readout.ParseDate(s); ok {
		return d, nil
	}
	return "", fmt.Errorf("%q: %w", s, ErrDate)
}

// ParseRange reads --since and --until.
func ParseRange(since, until string) (DateRange, error) {
	var r DateRange
	var err error
	if r.Since, err = ParseBound(since); err != nil {
		return r, fmt.Errorf("--since %w", err)
	}
	if r.Until, err = ParseBound(until); err != nil {
		return r, fmt.Errorf("--until %w", err)
	}
	return r, nil
}

// Bounded reports whether the range has a bound.
func (r DateRange) Bounded() bool { return r.Since != "" || r.Until != "" }

// Contains reports whether an ISO date lies within the range: on or after
// the start of Since and on or before the end of Until. An undated fact
// lies within only an unbounded range.
func (r DateRange) Contains(date string) bool {
	if !r.Bounded() {
		return true
	}
	if date == "" {
		return false
	}
	if r.Since != "" && date < r.Since {
		return false
	}
	if r.Until != "" && date[:min(len(date), len(r.Until))] > r.Until {
		return false
	}
	return true
}

// filter keeps the facts within the range and counts the undated ones it
// left out.
func (r DateRange) filter(facts []Fact) ([]Fact, int) {
	out := facts[:0]
	undated := 0
	for _, f := range facts {
		switch {
		case r.Contains(f.Date):
			out = append(out, f)
		case f.Date == "":
			undated++
		}
	}
	return out, undated
}
