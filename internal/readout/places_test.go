package readout

import "testing"

func TestPlaceName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"WASHINGTON", "Washington"},
		{"NEW DELHI", "New Delhi"},
		{"WASHINGTON, DC", "Washington, DC"},
		{"Kuala Lumpur", "Kuala Lumpur"},
	}
	for _, c := range cases {
		if got := placeName(c.in); got != c.want {
			t.Errorf("placeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
