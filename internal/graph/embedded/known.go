package embedded

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

type knownNode struct {
	n     int64
	name  string
	props map[string]string
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

// unchanged returns the number of a node whose stored name is name and
// whose stored properties already hold props, which writing it again would
// not change.
func (k *knownNodes) unchanged(key, name string, props map[string]string) (int64, bool) {
	e, ok := k.nodes[key]
	if !ok || e.name != name {
		return 0, false
	}
	for p, v := range props {
		if got, ok := e.props[p]; !ok || got != v {
			return 0, false
		}
	}
	return e.n, true
}

// put remembers a node as the file holds it; the caller gives up props.
func (k *knownNodes) put(key string, n int64, name string, props map[string]string) {
	if len(k.nodes) >= maxKnownNodes {
		k.forget()
	}
	k.nodes[key] = knownNode{n: n, name: name, props: props}
}

func (k *knownNodes) drop(key string) { delete(k.nodes, key) }
