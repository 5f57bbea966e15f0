package query_test

import (
	"errors"
	"testing"

	"github.com/diplograph/diplograph/internal/query"
)

func TestParseBound(t *testing.T) {
	for in, want := range map[string]string{
		"2021": "2021", "2021-03": "2021-03", "2021-03-04": "2021-03-04", " 2021 ": "2021",
		"4 March 2021": "2021-03-04", "March 4, 2021": "2021-03-04", "": "",
	} {
		if got, err := query.ParseBound(in); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"2021-13", "2021-02-30", "21", "March", "yesterday", "2021-3"} {
		if _, err := query.ParseBound(bad); !errors.Is(err, query.ErrDate) {
			t.Errorf("%q: %v, want ErrDate", bad, err)
		}
	}
}

func TestRangeTakesInTheWholeOfEachBound(t *testing.T) {
	for _, c := range []struct {
		since, until, date string
		in                 bool
	}{
		{"2021", "2021", "2021-01-01", true},
		{"2021", "2021", "2021-12-31", true},
		{"2021", "2021", "2022-01-01", false},
		{"2021", "2021", "2020-12-31", false},
		{"2021-03", "2021-03", "2021-03-31", true},
		{"2021-03", "", "2021-02-28", false},
		{"", "2021-03-04", "2021-03-04", true},
		{"", "2021-03-04", "2021-03-05", false},
		{"2021", "", "", false},
		{"", "", "", true},
	} {
		r, err := query.ParseRange(c.since, c.until)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Contains(c.date); got != c.in {
			t.Errorf("%q..%q contains %q = %v, want %v", c.since, c.until, c.date, got, c.in)
		}
	}
}
