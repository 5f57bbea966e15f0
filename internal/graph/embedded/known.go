package embedded

import "strings"

// knownNodes remembers, for the nodes this Store has written, each one's
// number and what the file holds for it, so that a readout naming a state
// stored ten thousand times before writes nothing for it: rewriting an
// unchanged row was a third of an ingest's statements. What it remembers
// holds only while no other connection writes, which PRAGMA data_version
// tells at the start of every write transaction (see WriteReadouts), and
// only for what this connection committed: a rolled back write forgets.
type knownNodes struct {
	version int64 // data_version the entries were true at; -1 before any
	nodes   map[string]knownNode
}

// knownNode is a node's number and what this Store last wrote for it, its
// name and its properties as JSON: writing the same again would change
// nothing, since properties are merged in. Keeping the JSON as written,
// not the properties as a map, keeps an entry small.
type knownNode struct {
	n           int64
	name, props string
}

// maxKnownNodes bounds the memory: past it, the cache starts again. Readout
// nodes, written once each, are never kept, so this is the states,
// officials, forums and topics, far fewer than a large graph's readouts.
const maxKnownNodes = 1 << 20

func newKnownNodes() *knownNodes { return &knownNodes{version: -1, nodes: map[string]knownNode{}} }

// trust keeps the entries if the file is at the version they were true at,
// and forgets them otherwise.
func (k *knownNodes) trust(version int64) {
	if version != k.version {
		k.forget()
		k.version = version
	}
}

func (k *knownNodes) forget() { clear(k.nodes) }

// unchanged returns the number of a node this Store last wrote with this
// name and these properties (as JSON), which writing again would not
// change.
func (k *knownNodes) unchanged(key, name, props string) (int64, bool) {
	e, ok := k.nodes[key]
	if !ok || e.name != name || e.props != props {
		return 0, false
	}
	return e.n, true
}

// put remembers what was written for a node. The name is copied: one cut
// from a readout's text would keep the whole text alive.
func (k *knownNodes) put(key string, n int64, name, props string) {
	if len(k.nodes) >= maxKnownNodes {
		k.forget()
	}
	k.nodes[key] = knownNode{n: n, name: strings.Clone(name), props: props}
}

func (k *knownNodes) drop(key string) { delete(k.nodes, key) }
