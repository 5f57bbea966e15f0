package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGraphMLReadsInNetworkx exports the fixture graph as GraphML and reads
// it with networkx, as an analyst's script would: the same nodes and edges
// as the store counts, and an edge's phrase and CAMEO code as attributes.
func TestGraphMLReadsInNetworkx(t *testing.T) {
	python := os.Getenv("DIPLOGRAPH_NETWORKX_PYTHON")
	if python == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DIPLOGRAPH_NETWORKX_PYTHON is not set: the test script makes a virtual environment with networkx")
		}
		t.Skip("no Python with networkx (scripts/test.sh makes one from PyPI)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts"); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	gml := filepath.Join(dir, "g.graphml")
	if r := runCmd(t, "", "export", "--db", db, "--format", "graphml", "--out", gml); r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	st := runCmd(t, "", "query", "--db", db, "--format", "json", "stats")
	type count struct{ Count int }
	var stats struct{ Nodes, Edges []count }
	if err := json.Unmarshal([]byte(st.stdout), &stats); err != nil {
		t.Fatalf("stats: %v\n%s", err, st.stdout)
	}
	nodes, edges := 0, 0
	for _, n := range stats.Nodes {
		nodes += n.Count
	}
	for _, n := range stats.Edges {
		edges += n.Count
	}
	script := `
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
phrases = [d for _, _, d in g.edges(data=True) if d.get("type") == "COMMITTED_TO" and d.get("phrase") and d.get("cameo")]
assert phrases, "no commitment with its phrase and CAMEO code"
print(g.number_of_nodes(), g.number_of_edges())
`
	out, err := exec.Command(python, "-c", script, gml).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 || f[0] != strconv.Itoa(nodes) || f[1] != strconv.Itoa(edges) {
		t.Errorf("networkx read %q nodes and edges; the store holds %d and %d", out, nodes, edges)
	}
}
