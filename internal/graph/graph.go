// Package graph defines the knowledge graph's data model as the stores see
// it (nodes, edges, the facts of one readout), the store interfaces that
// ingest and query consume, the answers those queries return, and the
// sentinel errors every backend translates its own failures into.
//
// Backends live in sub-packages (embedded, neo4j), each with a type named
// Store; graphtest holds the conformance suite they all pass.
package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"sync"

	"github.com/diplograph/diplograph/internal/schema"
)

// Sentinel errors. Backends wrap their driver errors into these so that the
// commands can choose an exit code and a message without knowing the backend.
var (
	// ErrNotFound is returned when a named node does not exist in the store.
	ErrNotFound = errors.New("not found")
	// ErrNoGraph is returned when the store holds no graph yet (ingest never ran).
	ErrNoGraph = errors.New("no graph yet: run ingest first")
	// ErrUnavailable is returned when the store cannot be reached or opened.
	ErrUnavailable = errors.New("store unavailable")
	// ErrReadOnly is returned when a read-only query tries to change the graph.
	ErrReadOnly = errors.New("query would write: only read queries are allowed")
	// ErrRefused is returned when an ad hoc query reads what it must not
	// (files), runs a transaction or administration command, or calls a
	// procedure outside the allowed few; the message names the rule.
	ErrRefused = errors.New("query refused")
	// ErrLocked is returned when another process holds the store's write lock.
	ErrLocked = errors.New("store is locked by another process")
)

// Node is one node of the graph.
type Node struct {
	Label schema.Label      `json:"label"`
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Props map[string]string `json:"props,omitempty"`
}

// Key is the node's store-independent identity, "Label:id".
func (n Node) Key() string { return schema.Key(n.Label, n.ID) }

// Prop returns a property value, or "" when it is absent.
func (n Node) Prop(k string) string { return n.Props[k] }

// Edge is one relationship, citing the readout it was extracted from.
type Edge struct {
	Type     schema.RelType    `json:"type"`
	From     string            `json:"from"` // node key
	To       string            `json:"to"`   // node key
	Readout  string            `json:"readout"`
	Date     string            `json:"date,omitempty"`
	Evidence string            `json:"evidence,omitempty"`
	Props    map[string]string `json:"props,omitempty"`
}

// Document is everything extracted from one readout: the readout node, the
// nodes it names and the edges it supports. Stores write a Document as one
// unit, replacing whatever an earlier version of the same readout said.
type Document struct {
	Readout Node
	Nodes   []Node
	Edges   []Edge
	// Prepared is a store's own working out of the document, done ahead
	// by its Prepare where it has one (ingest calls it on the extraction
	// workers); nil for none. A document changed after it was prepared
	// must be prepared again.
	Prepared any `json:"-"`
}

// Fingerprint is a hash of the document's facts. A store that finds the same
// fingerprint already stored for a readout has nothing to write. The facts
// are laid out in one buffer and hashed once: hashing them piece by piece
// cost more than the hash itself.
func (d Document) Fingerprint() string {
	bp := fingerprintBuffers.Get().(*[]byte)
	buf := (*bp)[:0]
	write := func(parts ...string) {
		for _, p := range parts {
			buf = append(buf, p...)
			buf = append(buf, 0)
		}
		buf = append(buf, 1)
	}
	write(d.Readout.Key(), d.Readout.Name)
	writeProps(write, d.Readout.Props)
	for _, n := range d.Nodes {
		write(n.Key(), n.Name)
		writeProps(write, n.Props)
	}
	for _, e := range d.Edges {
		write(string(e.Type), e.From, e.To, e.Readout, e.Date, e.Evidence)
		writeProps(write, e.Props)
	}
	sum := sha256.Sum256(buf)
	if cap(buf) <= maxPooledFingerprintBuffer {
		*bp = buf
		fingerprintBuffers.Put(bp)
	}
	return hex.EncodeToString(sum[:8])
}

// fingerprintBuffers keep the buffers Fingerprint lays documents out in,
// which are larger than most allocations an ingest makes. One grown by an
// unusually large document is dropped rather than kept.
var fingerprintBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

const maxPooledFingerprintBuffer = 1 << 20

func writeProps(write func(...string), props map[string]string) {
	if len(props) == 0 {
		return
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		write(k, props[k])
	}
}

// Hop is one edge seen from a walk: the edge and the nodes at either end, in
// the order of the walk (From is where the walk stood).
type Hop struct {
	From Node `json:"from"`
	Edge Edge `json:"edge"`
	To   Node `json:"to"`
}

// Path is a walk of hops between two nodes.
type Path []Hop

// DateRange bounds a stream of facts by ISO date (the exports); an empty
// bound is open. The query package's questions take their own, which
// also reads years and months.
type DateRange struct {
	Since string
	Until string
}

// Contains reports whether an ISO date lies within the range. An undated
// fact lies within only an unbounded range.
func (r DateRange) Contains(date string) bool {
	if r.Since == "" && r.Until == "" {
		return true
	}
	if date == "" {
		return false
	}
	return (r.Since == "" || date >= r.Since) && (r.Until == "" || date <= r.Until)
}

// MaxPaths bounds how many equally good paths a path query returns, and
// MaxWalks how many it considers: in a dense graph two states can be joined
// through hundreds of shared topics. Every store uses the same bounds, so
// that they give the same answer.
const (
	MaxPaths = 50
	MaxWalks = 10000
)

// FactQuery selects cited facts (every relationship but MENTIONS). Each
// field narrows the selection; the zero value selects every fact.
type FactQuery struct {
	// At keeps the facts with either end among these node keys; each hop
	// is seen from that end (From is in At).
	At []string
	// Types keeps the facts of these relationship types; none means every
	// cited type.
	Types []schema.RelType
	// Readout keeps the facts citing this readout id.
	Readout string
}

// PathQuery bounds a path search.
type PathQuery struct {
	// Types are the relationship types a path may walk; none means every
	// cited type.
	Types []schema.RelType
	// MaxHops is the longest path looked for.
	MaxHops int
	// Limit is how many paths at most (0 or more than MaxPaths: MaxPaths).
	Limit int
}

// Stats counts what a store holds.
type Stats struct {
	Nodes    map[schema.Label]int   `json:"nodes"`
	Edges    map[schema.RelType]int `json:"edges"`
	Dangling int                    `json:"dangling"` // edges whose endpoint node is missing
	// Years counts cited edges by the year of their date, else of their
	// readout's date; "" counts those with neither.
	Years map[string]int `json:"years"`
}

// TotalNodes is the number of nodes of every label.
func (s Stats) TotalNodes() int { return sum(s.Nodes) }

// TotalEdges is the number of edges of every type.
func (s Stats) TotalEdges() int { return sum(s.Edges) }

func sum[K comparable](m map[K]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}

// WriteStatus says what writing a document did.
type WriteStatus int

// Write outcomes.
const (
	Created   WriteStatus = iota // the readout was new
	Replaced                     // an earlier version of the readout was replaced
	Unchanged                    // the store already held exactly these facts
)

// Writer stores documents. Ingest consumes it.
type Writer interface {
	// Migrate creates the schema's constraints and indexes if they are
	// missing. Opening a store never changes its schema; ingest calls this.
	Migrate(ctx context.Context) error
	// WriteReadout stores one readout's facts atomically, replacing every
	// fact an earlier version of the same readout (same id or same origin)
	// contributed, and removing nodes nothing else refers to any more. Two
	// documents are versions of one readout when they share an id or an
	// origin (the input they were read from).
	WriteReadout(ctx context.Context, doc Document) (WriteStatus, error)
}

// BatchWriter is the optional ability to write several readouts in one
// transaction, each still all or nothing: a readout whose write fails is
// rolled back alone (its error in errs), the others commit together. A
// store that has it amortises the commit over the batch; ingest finds it
// by type assertion.
type BatchWriter interface {
	WriteReadouts(ctx context.Context, docs []Document) (statuses []WriteStatus, errs []error, err error)
}

// Indexer is the optional ability to bring what a store derives from the
// graph (the embedded store's saved adjacency, which spares each new
// process reading every edge) up to date after writes. Ingest calls it once
// at the end of a run; a store without it has nothing to derive.
type Indexer interface {
	Index(ctx context.Context) error
}

// Verifier is the optional ability to check a store's own storage for
// corruption, beyond what Stats counts.
type Verifier interface {
	Verify(ctx context.Context) error
}

// Reader answers a few general primitives; every question the query
// package asks is written once over them. Query consumes it.
type Reader interface {
	// Node returns the node with the given key, or ErrNotFound.
	Node(ctx context.Context, key string) (Node, error)
	// Nodes returns the nodes of the keys that exist, in key order.
	Nodes(ctx context.Context, keys []string) ([]Node, error)
	// FindNodes returns up to limit non-readout nodes whose id or name
	// contains text, case-insensitively.
	FindNodes(ctx context.Context, text string, limit int) ([]Node, error)
	// Facts returns the cited facts a query selects, each once, in
	// SortHops order.
	Facts(ctx context.Context, q FactQuery) ([]Hop, error)
	// Path returns the cheapest paths between two nodes over the
	// relationship types asked for, ignoring direction (see Adjacency.Walks
	// for what cheapest means), each hop through its preferred edge. No
	// path is an empty list, not nil.
	Path(ctx context.Context, from, to string, q PathQuery) ([]Path, error)
	// Stats counts nodes and edges and finds dangling edges.
	Stats(ctx context.Context) (Stats, error)
}

// Store is a backend that can do both, and must be closed.
type Store interface {
	Reader
	Writer
	Close() error
}

// SortHops orders hops canonically (by relation, the far node, date,
// readout), so that every backend returns the same answer in the same order.
func SortHops(hops []Hop) {
	sort.SliceStable(hops, func(i, j int) bool { return hopLess(hops[i], hops[j]) })
}

func hopLess(a, b Hop) bool {
	ka := []string{string(a.Edge.Type), a.From.Key(), a.To.Key(), a.Edge.Date, a.Edge.Readout, a.Edge.Evidence, a.Edge.Props[schema.PropPhrase]}
	kb := []string{string(b.Edge.Type), b.From.Key(), b.To.Key(), b.Edge.Date, b.Edge.Readout, b.Edge.Evidence, b.Edge.Props[schema.PropPhrase]}
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}

// Preferred reports whether edge a should stand for a hop rather than b
// when several parallel edges join the same two nodes: the most recent
// citation wins, then the readout id and the type decide.
func Preferred(a, b Edge) bool {
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	if a.Readout != b.Readout {
		return a.Readout < b.Readout
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	if a.Evidence != b.Evidence {
		return a.Evidence < b.Evidence
	}
	return a.Props[schema.PropPhrase] < b.Props[schema.PropPhrase]
}

// PreferEdge picks the edge that stands for a set of parallel edges.
func PreferEdge(edges []Edge) Edge {
	best := edges[0]
	for _, e := range edges[1:] {
		if Preferred(e, best) {
			best = e
		}
	}
	return best
}
