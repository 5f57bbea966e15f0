package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// sentenceOf builds a sentence with its gazetteer mentions and its index,
// as the relate stage sees it.
func sentenceOf(lx *lexicon.Lexicon, s string) *sentence {
	toks := text.Tokenize(s)
	ms, topics := findMentions(lx, toks)
	sent := &sentence{text: s, toks: toks, mentions: ms, topics: topics}
	sent.buildIndex(lx, findTriggers(lx, toks), filled(nil, 4*(len(toks)+1)))
	return sent
}

// spanOf returns the tokens of s that the substring sub covers.
func spanOf(t *testing.T, s *sentence, sub string) (int, int) {
	t.Helper()
	at := strings.Index(s.text, sub)
	if at < 0 {
		t.Fatalf("%q is not in %q", sub, s.text)
	}
	from, to := -1, -1
	for i, tok := range s.toks {
		if from < 0 && tok.Start >= at {
			from = i
		}
		if tok.End <= at+len(sub) {
			to = i + 1
		}
	}
	return from, to
}

func TestSplitItems(t *testing.T) {
	lx := lexicon.MustDefault()
	cases := []struct {
		name       string
		sentence   string
		object     string // the span the act governs
		infinitive bool
		want       []string
	}{
		{"framing is dropped",
			"The ministers discussed the importance of maritime security.", "the importance of maritime security", false,
			[]string{"maritime security"}},
		{"a vague head's list is split",
			"They discussed issues of mutual concern, including energy security and cyber threats.",
			"issues of mutual concern, including energy security and cyber threats", false,
			[]string{"issues of mutual concern", "energy security", "cyber threats"}},
		{"an infinitive's head reads as a gerund",
			"The two sides agreed to stay in close touch.", "stay in close touch", true,
			[]string{"staying in close touch"}},
		{"coordinated verb phrases are items",
			"They committed to deepening trade ties, expanding student exchanges and launching a new dialogue.",
			"deepening trade ties, expanding student exchanges and launching a new dialogue", false,
			[]string{"deepening trade ties", "expanding student exchanges", "launching a new dialogue"}},
		{"nouns coordinated inside one phrase stay together",
			"They reaffirmed their support for free trade, openness and a fair tax system.",
			"their support for free trade, openness and a fair tax system", false,
			[]string{"their support for free trade, openness and a fair tax system"}},
		{"but also marks a second thing",
			"They discussed fisheries, but also renewable energy.", "fisheries, but also renewable energy", false,
			[]string{"fisheries", "renewable energy"}},
		{"phrases each with a determiner are a list",
			"They discussed the war in Sudan, the floods in the Sahel, and Iran's nuclear programme.",
			"the war in Sudan, the floods in the Sahel, and Iran's nuclear programme", false,
			[]string{"the war in Sudan", "the floods in the Sahel", "Iran's nuclear programme"}},
		{"and opening a phrase of its own",
			"They discussed current security challenges and preparations for the summit.",
			"current security challenges and preparations for the summit", false,
			[]string{"current security challenges", "preparations for the summit"}},
		{"between keeps its and",
			"They discussed relations between Kenya and Peru.", "relations between Kenya and Peru", false,
			[]string{"relations between Kenya and Peru"}},
		{"an aside after a specific head is cut",
			"They discussed strengthening defence cooperation, including the exchange of liaison officers.",
			"strengthening defence cooperation, including the exchange of liaison officers", false,
			[]string{"strengthening defence cooperation"}},
		{"an addressee gives way to what follows for",
			"The Minister thanked Ghana for its leadership of the initiative.",
			"Ghana for its leadership of the initiative", false,
			[]string{"its leadership of the initiative"}},
		{"an empty object names nothing",
			"They discussed it.", "it", false,
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sentenceOf(lx, c.sentence)
			from, to := spanOf(t, s, c.object)
			var got []string
			for _, it := range splitItems(lx, s, from, to, c.infinitive) {
				got = append(got, it.phrase)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%q\n got %q\nwant %q", c.object, got, c.want)
			}
		})
	}
}

func TestObjectSpan(t *testing.T) {
	lx := lexicon.MustDefault()
	cases := []struct {
		sentence, trigger, want string // want "" for no object
	}{
		{"The ministers discussed maritime security during the visit.", "discussed", "maritime security"},
		{"Maritime security was also discussed.", "discussed", "Maritime security"},
		{"She exchanged views with the Minister on regional issues.", "exchanged views", "regional issues"},
		{"She exchanged views with the Minister.", "exchanged views", ""},
		{"They discussed food security; the talks ended at noon.", "discussed", "food security"},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			s := sentenceOf(lx, c.sentence)
			trigs := findTriggers(lx, s.toks)
			i := -1
			for k, tr := range trigs {
				if strings.EqualFold(joinName(s.toks[tr.at:tr.end]), c.trigger) {
					i = k
				}
			}
			if i < 0 {
				t.Fatalf("no trigger %q", c.trigger)
			}
			from, to, ok := objectSpan(lx, s, trigs, i)
			got := ""
			if ok {
				got = s.text[s.toks[from].Start:s.toks[to-1].End]
			}
			if got != c.want {
				t.Errorf("object of %q: got %q, want %q", c.trigger, got, c.want)
			}
		})
	}
}

// FuzzSingleSpaced holds singleSpaced to the join of strings.Fields it
// stands in for.
func FuzzSingleSpaced(f *testing.F) {
	for _, s := range []string{"", " ", "closer ties", "closer  ties", " ties", "ties ", "a\tb", "a\u00a0b", "a\u2003 b", "x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("singleSpaced(%q) = %q, want %q", s, got, want)
		}
	})
}
