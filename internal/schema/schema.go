// Package schema is the single source of truth about the shape of the
// Diplograph knowledge graph: node labels, relationship types, property keys
// and the uniqueness constraints every store enforces.
//
// It is pure data. It imports no store and no extraction code; the extractor
// and every backend import it so that a label or a relationship type is
// spelled in exactly one place.
package schema

// Label is a node label.
type Label string

// Node labels.
const (
	State    Label = "State"    // a sovereign state; id is its ISO 3166-1 alpha-2 code
	Official Label = "Official" // a named office holder; id is the slug of the canonical name
	Forum    Label = "Forum"    // a multilateral forum or organisation; id is upper case (QUAD, G7)
	Topic    Label = "Topic"    // a subject of discussion or commitment; id is a slug
	Readout  Label = "Readout"  // one published readout; id is a stable content hash
)

// Labels lists every node label in a stable order.
var Labels = []Label{State, Official, Forum, Topic, Readout}

// RelType is a relationship type.
type RelType string

// Relationship types.
const (
	MetWith     RelType = "MET_WITH"     // Official to Official; undirected in meaning
	Discussed   RelType = "DISCUSSED"    // Official or State (or a Forum speaking as one) to Topic
	CommittedTo RelType = "COMMITTED_TO" // Official or State (or a Forum speaking as one) to Topic
	Expressed   RelType = "EXPRESSED"    // Official or State (or a Forum) to Topic: welcomed, condemned, stressed, ... (act says which)
	MemberOf    RelType = "MEMBER_OF"    // State to Forum
	Represents  RelType = "REPRESENTS"   // Official to State (or to a Forum for its secretary-general)
	Mentions    RelType = "MENTIONS"     // Readout to any node it names
)

// RelTypes lists every relationship type in a stable order.
var RelTypes = []RelType{MetWith, Discussed, CommittedTo, Expressed, MemberOf, Represents, Mentions}

// Endpoints says which labels a relationship type may join.
type Endpoints struct {
	From []Label
	To   []Label
}

// Allowed gives the permitted endpoints of each relationship type. A store or
// the extractor may use it to reject an edge that would break the schema.
var Allowed = map[RelType]Endpoints{
	MetWith:     {From: []Label{Official}, To: []Label{Official}},
	Discussed:   {From: []Label{Official, State, Forum}, To: []Label{Topic}},
	CommittedTo: {From: []Label{Official, State, Forum}, To: []Label{Topic}},
	Expressed:   {From: []Label{Official, State, Forum}, To: []Label{Topic}},
	MemberOf:    {From: []Label{State}, To: []Label{Forum}},
	Represents:  {From: []Label{Official}, To: []Label{State, Forum}},
	Mentions:    {From: []Label{Readout}, To: []Label{State, Official, Forum, Topic}},
}

// Permits reports whether a relationship of type t may join from and to.
func Permits(t RelType, from, to Label) bool {
	e, ok := Allowed[t]
	return ok && contains(e.From, from) && contains(e.To, to)
}

func contains(ls []Label, l Label) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// Cited reports whether relationships of type t carry a citation (readout,
// date and evidence sentence). Every type but MENTIONS does; a MENTIONS edge
// is itself the citation.
func Cited(t RelType) bool { return t != Mentions }

// Property keys shared by nodes and relationships.
const (
	PropID       = "id"       // node identity within its label
	PropName     = "name"     // display name
	PropTitle    = "title"    // an official's title, a readout's title, a REPRESENTS title
	PropState    = "state"    // an official's state code
	PropDate     = "date"     // ISO date (YYYY-MM-DD) of a readout or a cited fact
	PropLocation = "location" // where a readout's meeting took place
	PropSource   = "source"   // where a readout was published (URL or note), else its origin
	PropOrigin   = "origin"   // the input a readout was read from; a new version from the same origin replaces it
	PropReadout  = "readout"  // the id of the readout a relationship cites
	PropEvidence = "evidence" // the sentence a relationship was extracted from
	PropPhrase   = "phrase"   // what was discussed, committed to or expressed, in the readout's words
	PropAct      = "act"      // the speech act a relationship reports (met, called, discussed, welcomed, ...)
	PropCameo    = "cameo"    // the act's CAMEO event code ("041": discuss by telephone)
	PropKind     = "kind"     // on a Topic: "phrase" when no taxonomy topic names it
)

// TopicKindPhrase marks a Topic node that stands for a phrase the taxonomy
// does not name: the phrase itself is its name.
const TopicKindPhrase = "phrase"

// Constraint is a uniqueness constraint on one property of one label.
type Constraint struct {
	Name     string
	Label    Label
	Property string
}

// Constraints are the uniqueness constraints every store enforces: each
// label's id is unique within the label.
var Constraints = []Constraint{
	{Name: "state_id", Label: State, Property: PropID},
	{Name: "official_id", Label: Official, Property: PropID},
	{Name: "forum_id", Label: Forum, Property: PropID},
	{Name: "topic_id", Label: Topic, Property: PropID},
	{Name: "readout_id", Label: Readout, Property: PropID},
}

// Index is a plain (non-unique) property index that speeds common lookups.
type Index struct {
	Name     string
	Label    Label
	Property string
}

// Indexes are the secondary indexes stores create beside the constraints.
var Indexes = []Index{
	{Name: "readout_origin", Label: Readout, Property: PropOrigin},
	{Name: "official_name", Label: Official, Property: PropName},
}

// Key is the stable, store-independent identity of a node: "Label:id".
func Key(l Label, id string) string { return string(l) + ":" + id }

// SplitKey splits a node key into its label and id. It reports false when the
// key has no known label.
func SplitKey(key string) (Label, string, bool) {
	for _, l := range Labels {
		p := string(l) + ":"
		if len(key) > len(p) && key[:len(p)] == p {
			return l, key[len(p):], true
		}
	}
	return "", "", false
}
