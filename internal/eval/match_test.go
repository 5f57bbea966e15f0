package eval

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Bùi Thanh Sơn", []string{"bui", "thanh", "son"}},
		{"Mariusz Błaszczak", []string{"mariusz", "baszczak"}}, // ł has no decomposition: dropped
		{"Cho Tae-yul", []string{"cho", "tae", "yul"}},
		{"Türkiye's", []string{"turkiye", "s"}},
		{"H.E. Sheikh Abdullah", []string{"h", "e", "sheikh", "abdullah"}},
		{"", nil},
	} {
		if got := tokens(tc.in); !reflect.DeepEqual(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	for _, tc := range []struct {
		pred, gold string
		want       bool
	}{
		{"Antony Blinken", "Antony Blinken", true},
		{"HAYASHI Yoshimasa", "Yoshimasa Hayashi", true},               // any order
		{"Jaishankar", "Subrahmanyam Jaishankar", true},                // one contained in the other
		{"Dr. S. Jaishankar", "Subrahmanyam Jaishankar", true},         // honorific and initial ignored
		{"H.E. Sheikh Abdullah bin Zayed", "Abdullah bin Zayed", true}, // honorifics ignored
		{"Ferdinand Marcos Jr.", "Ferdinand Marcos", true},             // regnal and Jr ignored
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", true},         // ASCII folding
		{"Park Jin", "Jin Park", true},
		{"Li", "Li Qiang", false},            // the shared token is under 3 letters
		{"Joe Biden", "Hunter Biden", false}, // neither contains the other
		{"Mr", "Mr Smith", false},            // nothing left after honorifics
		{"Kamala Harris", "Kamala Devi Harris", true},
		{"Brig", "Brigitte Macron", false},
	} {
		if got := SamePerson(tc.pred, tc.gold); got != tc.want {
			t.Errorf("SamePerson(%q, %q) = %v, want %v", tc.pred, tc.gold, got, tc.want)
		}
	}
}

func TestTightMatch(t *testing.T) {
	for _, tc := range []struct {
		p, g string
		want bool
	}{
		{"maritime security", "maritime security", true},
		{"Maritime Security", "maritime-security", true},
		{"cooperation on climate", "climate cooperation", true},                                  // order free
		{"cooperating on energy", "energy cooperation", true},                                    // 6-letter prefixes
		{"the war in Ukraine", "Russia's war against Ukraine", true},                             // 2 of 3
		{"Ukraine", "Russia's war against Ukraine", false},                                       // 1 of 3: under half the longer
		{"Russia's war against Ukraine", "Ukraine", false},                                       // symmetric
		{"trade", "trade and investment", true},                                                  // 1 of 2
		{"issues related to the economy", "economy", true},                                       // stop words dropped
		{"of the and", "the of", false},                                                          // nothing left
		{"AI", "AI", false},                                                                      // words under 3 letters dropped
		{"the situation in Rakhine State", "Singapore's priorities as ASEAN Chair", false},       // nothing shared
		{"deepening trilateral cooperation on energy", "trilateral cooperation on energy", true}, // 3 of 4
	} {
		if got := TightMatch(tc.p, tc.g); got != tc.want {
			t.Errorf("TightMatch(%q, %q) = %v, want %v", tc.p, tc.g, got, tc.want)
		}
		if TightMatch(tc.p, tc.g) != TightMatch(tc.g, tc.p) {
			t.Errorf("TightMatch(%q, %q) is not symmetric", tc.p, tc.g)
		}
	}
}

func TestSoftMatch(t *testing.T) {
	for _, tc := range []struct {
		preds []string
		g     string
		want  bool
	}{
		{[]string{"Ukraine"}, "Ukraine", true},
		{[]string{"the war"}, "Russia's war against Ukraine", false},               // 1 of 3
		{[]string{"war", "Ukraine"}, "Russia's war against Ukraine", false},        // each alone covers 1 of 3
		{[]string{"war in Ukraine and more besides"}, "war against Ukraine", true}, // a long prediction covers it
		{nil, "anything", false},
		{[]string{"anything"}, "the of", false},
	} {
		if got := SoftMatch(tc.preds, tc.g); got != tc.want {
			t.Errorf("SoftMatch(%q, %q) = %v, want %v", tc.preds, tc.g, got, tc.want)
		}
	}
}

func TestPairs(t *testing.T) {
	if pairKey("B", "A") != pairKey("A", "B") {
		t.Error("pairKey is ordered; met_with pairs are not")
	}
	for _, tc := range []struct{ key, want string }{
		{"State:jp", "JP"},
		{"Forum:quad", "QUAD"},
		{"Forum:arab-league", "ARAB-LEAGUE"},
		{"jp", "JP"},
		{"Topic:a:b", "A:B"},
	} {
		if got := idOf(tc.key); got != tc.want {
			t.Errorf("idOf(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestSentencesOf(t *testing.T) {
	got := sentencesOf("Secretary Blinken met Dr. S. Jaishankar in the U.S. capital. They discussed trade.\nA second line")
	want := []string{"Secretary Blinken met Dr. S. Jaishankar in the U.S. capital.", "They discussed trade.", "A second line"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentencesOf = %q, want %q", got, want)
	}
}
