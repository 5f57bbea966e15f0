package query

import (
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// Readout is what a fact cites: the readout's id, title, date and where it
// was published. A field the readout lacks is "".
type Readout struct {
	ID     string
	Title  string
	Date   string
	Source string
}

// Fact is one cited relationship seen from one end, with its readout.
type Fact struct {
	From     graph.Node
	Relation schema.RelType
	// Forward is true when the relationship runs from From to To.
	Forward bool
	To      graph.Node
	// Phrase is what was discussed, committed to or expressed, in the
	// readout's words; Act the speech act and Cameo its CAMEO code.
	Phrase, Act, Cameo string
	// Date is the fact's own date, else its readout's; "" when neither has one.
	Date     string
	Evidence string
	Readout  Readout
}

// turned is the same fact seen from its other end.
func (f Fact) turned() Fact {
	f.From, f.To, f.Forward = f.To, f.From, !f.Forward
	return f
}

// Facts is the answer of every question that lists facts: neighbors,
// commitments, topics, topic, members, timeline and readout.
type Facts struct {
	Question string
	// Of are the nodes asked about (one, or two for topics).
	Of []graph.Node
	// Readout is set for the readout question: the readout asked about.
	Readout *Readout
	Range   DateRange
	Facts   []Fact
	// Undated counts the facts a bounded range left out for having no date.
	Undated int
	// Empty says what there is to say when there are no facts.
	Empty string
}

// Meeting is one reported meeting: the readout and everyone it says met.
type Meeting struct {
	Date         string
	Readout      Readout
	Participants []graph.Node
	Facts        []Fact
}

// Meetings is the answer of the meetings question, in date order.
type Meetings struct {
	Of       graph.Node
	Range    DateRange
	Meetings []Meeting
	Undated  int
}

// Paths is the answer of the path question.
type Paths struct {
	From, To graph.Node
	Via      []schema.RelType
	MaxHops  int
	Paths    [][]Fact
}

// Stats is the answer of the stats and check questions.
type Stats struct {
	Question string // "stats" or "check"
	graph.Stats
	// Verified is true when the store checked its own storage and found it sound.
	Verified bool
}
