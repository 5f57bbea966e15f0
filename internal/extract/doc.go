package extract

import (
	"context"

	"github.com/diplograph/diplograph/internal/readout"
)

// doc is the working state of one extraction.
type doc struct {
	x         *Extractor
	ctx       context.Context // checked between sentences and along long ones
	r         readout.Readout
	sentences []*sentence

	officials map[string]*official // by id
	reading   int                  // the index of the sentence the officials stage is reading
	order     []*official          // in order of first mention

	// participants are the officials of the meeting being reported, which
	// role and group mentions refer to. A sentence reporting a new meeting
	// replaces them.
	participants []*official
	meetingSeen  bool
	// parties are the states a meeting sentence names when the readout
	// names no official ("We, the Foreign Ministers of the G7 members
	// Canada, France, ... met"): they speak for what follows.
	parties []string
	home    string // the state whose ministry published the readout, when it shows

	// factDate dates the facts of the sentence being related: its own date
	// ("on Tuesday"), else that of the meeting it belongs to, else the
	// readout's.
	factDate    string
	meetingDate string

	sc     *scratch          // the arrays sentences are cut from, the edges recorded, the nodes emit gathers
	topics map[string]string // topic id -> name, for the topics edges point at
	// phraseTopics are the topics that stand for a phrase the taxonomy
	// does not name.
	phraseTopics map[string]bool
	states       map[string]bool
	forums       map[string]bool
}

type edgeKey struct {
	t        string
	from, to string
	phrase   string
}

// stopped reports whether the extraction's context is done.
func (d *doc) stopped() bool { return d.ctx.Err() != nil }
