package extract

import "github.com/diplograph/diplograph/internal/text"

// triggerKind is the relation a trigger word announces.
type triggerKind uint8

const (
	tMeet triggerKind = iota + 1
	tDiscuss
	tCommit
)

// hostWords report a meeting when they join two officials ("welcomed the
// Foreign Minister to Melbourne") though they also report what was
// discussed ("welcomed progress").
var hostWords = map[string]bool{"welcomed": true, "welcomes": true, "joined": true, "hosted": true, "received": true}

// trigger is a trigger word found in a sentence.
type trigger struct {
	kind    triggerKind
	at, end int // token span
	negated bool
}

// triggerWords are the words and phrases that announce a relation.
var triggerWords = func() *text.Trie[triggerKind] {
	t := &text.Trie[triggerKind]{}
	add := func(k triggerKind, ws ...string) {
		for _, w := range ws {
			t.Add(w, k)
		}
	}
	add(tMeet, "met", "meet", "meets", "meeting", "meetings", "held talks", "hold talks", "talks", "spoke", "speaks",
		"speak", "call", "called", "phone", "telephone", "telephoned", "videoconference", "video conference",
		"video call", "virtual meeting", "conversation", "hosted", "received", "bilateral", "trilateral",
		"sidelines", "courtesy call", "called on", "visited", "conferred", "talk", "telephone talk", "co-chaired",
		"co-chair", "dialogue", "consultations", "held a meeting", "interface", "video link")
	add(tDiscuss, "discussed", "discuss", "discusses", "discussing", "discussion", "discussions", "exchanged views",
		"exchanged", "exchange views", "exchange of views", "reviewed", "review", "addressed", "raised", "focused on",
		"focused", "touched on", "touched upon", "deliberated", "consulted", "explored", "covered", "highlighted",
		"emphasized", "emphasised", "stressed", "underscored", "underlined", "noted", "condemned", "concern",
		"concerns", "talked", "welcomed", "acknowledged", "recognized", "recognised", "briefed", "took stock",
		"shared views", "shared perspectives", "assessed", "examined", "considered")
	add(tCommit, "commitment", "commitments", "committed", "commit", "commits", "reaffirmed", "reaffirm",
		"reaffirming", "reaffirms", "pledged", "pledge", "pledges", "agreed", "agree", "agrees", "vowed", "resolved",
		"affirmed", "affirm", "affirms", "endorsed", "undertook", "decided", "expressed support", "expressed their support",
		"determination", "determined", "will work", "will continue", "would work", "looked forward",
		"look forward", "promised", "undertake", "confirmed", "intends to", "intend to", "stand united", "upholding",
		"uphold", "continue to", "will further", "would further", "work toward", "work towards", "work closely")
	return t
}()

// negations mark a trigger as denied when they stand shortly before it.
var negations = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "declined": true, "refused": true,
	"neither": true, "nor": true, "without": true, "failed": true, "rejected": true,
}

// negationWindow is how many tokens before a trigger a negation reaches.
const negationWindow = 4

// findTriggers returns the triggers of a sentence in order.
func findTriggers(toks []text.Token) []trigger {
	var out []trigger
	for i := 0; i < len(toks); {
		vals, n := triggerWords.LongestAt(toks, i, nil)
		if n == 0 {
			i++
			continue
		}
		tr := trigger{kind: vals[0], at: i, end: i + n, negated: negatedAt(toks, i)}
		out = append(out, tr)
		i += n
	}
	return out
}

func negatedAt(toks []text.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-negationWindow; j-- {
		if negations[toks[j].Norm] {
			return true
		}
		if toks[j].Norm == "," || toks[j].Norm == ";" || toks[j].Norm == "but" {
			return false
		}
	}
	return false
}

// hasNegation reports whether the sentence denies anything at all.
func hasNegation(toks []text.Token) bool {
	for _, t := range toks {
		if negations[t.Norm] {
			return true
		}
	}
	return false
}
