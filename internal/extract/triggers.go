package extract

import (
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/diplograph/diplograph/internal/text"
)

// triggerKind is the relation a trigger word announces.
type triggerKind uint8

const (
	tMeet    triggerKind = iota + 1 // MET_WITH
	tDiscuss                        // DISCUSSED
	tCommit                         // COMMITTED_TO
	tExpress                        // EXPRESSED: welcomed, condemned, stressed, ...
)

var kindOfRelation = map[string]triggerKind{
	string(schema.MetWith): tMeet, string(schema.Discussed): tDiscuss,
	string(schema.CommittedTo): tCommit, string(schema.Expressed): tExpress,
}

// relation is the relation type a trigger kind announces.
func (k triggerKind) relation() schema.RelType {
	switch k {
	case tMeet:
		return schema.MetWith
	case tDiscuss:
		return schema.Discussed
	case tCommit:
		return schema.CommittedTo
	case tExpress:
		return schema.Expressed
	}
	return ""
}

// trigger is a speech-act word found in a sentence.
type trigger struct {
	kind triggerKind
	act  int // index into lexicon.Acts of the act the word reports
	// meets is set when the word also reports a meeting: "welcomed the
	// Foreign Minister to Melbourne" is a meeting, "welcomed progress" is not.
	meets   bool
	meetAct int // the meeting act, when meets
	at, end int // token span
	negated bool
}

// findTriggers returns the speech-act words of a sentence in order.
func findTriggers(lx *lexicon.Lexicon, toks []text.Token) []trigger {
	var out []trigger
	for i := 0; i < len(toks); {
		vals, n := lx.ActIndex.LongestAt(toks, i, nil)
		if n == 0 {
			i++
			continue
		}
		tr := trigger{at: i, end: i + n, negated: negatedAt(lx, toks, i), act: -1}
		for _, v := range vals {
			k := kindOfRelation[lx.Acts[v].Relation]
			switch {
			case k == tMeet && !tr.meets:
				tr.meets, tr.meetAct = true, v
			case k != tMeet && tr.act < 0:
				tr.kind, tr.act = k, v
			}
		}
		if tr.act < 0 {
			tr.kind, tr.act = tMeet, tr.meetAct
		}
		out = append(out, tr)
		i += n
	}
	return out
}

// negationWindow is how many tokens before a trigger a negation reaches.
const negationWindow = 4

// negatedAt reports a negation standing shortly before the trigger at
// toks[i], in its clause.
func negatedAt(lx *lexicon.Lexicon, toks []text.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-negationWindow; j-- {
		if lx.Words.Negations[toks[j].Norm] {
			return true
		}
		if toks[j].Norm == "," || toks[j].Norm == ";" || toks[j].Norm == "but" {
			return false
		}
	}
	// "X was not discussed", "was not raised": the negation stands between
	// the auxiliary and the participle, before the trigger.
	return false
}

// passiveAt reports "was [also|not] discussed": the trigger's object stands
// before it. It returns where the auxiliary is.
func passiveAt(toks []text.Token, at int) (int, bool) {
	if at+1 < len(toks) && (toks[at+1].Norm == "to" || toks[at+1].Norm == "that") {
		return 0, false // "is committed to ASEAN centrality": a state, not a passive
	}
	j := at - 1
	for j >= 0 && (toks[j].Norm == "also" || toks[j].Norm == "further" || toks[j].Norm == "extensively" || toks[j].Norm == "briefly") {
		j--
	}
	if j >= 0 {
		switch toks[j].Norm {
		case "was", "were", "been", "be", "is", "are":
			return j, true
		}
	}
	return 0, false
}
