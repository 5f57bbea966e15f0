package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checkJSON is a client that is not the project's code: Python's json
// module, asserting on the parsed answer. The assertion sees the answer as
// a and may use the helpers node(x) and fact(f), which check the shape of
// a node and of a fact with its readout.
const checkJSON = `
import json, sys
a = json.load(sys.stdin)
def node(x):
    assert set(x) == {"key", "label", "id", "name"}, x
    assert x["key"] == x["label"] + ":" + x["id"], x
def fact(f):
    node(f["from"]); node(f["to"])
    assert f["direction"] in ("out", "in"), f
    for k in ("phrase", "act", "cameo", "date", "evidence"):
        assert f[k] is None or (isinstance(f[k], str) and f[k] != ""), (k, f)
    r = f["readout"]
    assert isinstance(r["id"], str) and r["id"], r
    for k in ("title", "date", "source"):
        assert k in r and (r[k] is None or isinstance(r[k], str)), r
def facts(a):
    assert isinstance(a["undated_left_out"], int), a
    assert set(a["range"]) == {"since", "until"}, a
    for f in a["facts"]:
        fact(f)
    return a["facts"]
exec(sys.argv[1])
`

// TestJSONOfEachQuestion parses each question's JSON outside Go and checks
// its typed fields.
func TestJSONOfEachQuestion(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: the JSON client is Python's json module")
	}
	db := filepath.Join(t.TempDir(), "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts"); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	for _, c := range []struct {
		args   []string
		assert string
	}{
		{[]string{"path", "US", "Japan"}, `
assert a["question"] == "path" and a["max_hops"] == 6 and a["via"] == ["MET_WITH", "REPRESENTS", "MEMBER_OF"]
p = a["paths"][0]
assert p["hops"] == 3 and p["cost"] == 3 and [h["relation"] for h in p["path"]] == ["REPRESENTS", "MET_WITH", "REPRESENTS"], p
for h in p["path"]: fact(h)
assert p["path"][0]["from"]["id"] == "US" and p["path"][-1]["to"]["id"] == "JP"`},
		{[]string{"path", "US", "Japan", "--via", "MEMBER_OF", "--paths", "5"}, `
assert len(a["paths"]) == 2 and all(p["hops"] == 2 and p["cost"] == 4 for p in a["paths"]), a["paths"]`},
		{[]string{"neighbors", "Blinken"}, `assert len(facts(a)) > 10 and a["of"][0]["id"] == "antony-blinken"`},
		{[]string{"commitments", "Australia", "--since", "2024"}, `
fs = facts(a)
assert fs and all(f["relation"] == "COMMITTED_TO" and f["date"] >= "2024" for f in fs)`},
		{[]string{"topics", "US", "Japan"}, `assert all(f["relation"] == "DISCUSSED" for f in facts(a))`},
		{[]string{"topic", "maritime security"}, `
fs = facts(a)
assert fs and all(f["to"]["id"] == "maritime-security" and f["phrase"] for f in fs), fs`},
		{[]string{"members", "Quad"}, `
assert sorted(f["from"]["id"] for f in facts(a)) == ["AU", "IN", "JP", "US"]`},
		{[]string{"timeline", "France", "--until", "2024"}, `
fs = facts(a)
dates = [f["date"] for f in fs]
assert dates == sorted(dates) and a["undated_left_out"] > 0 and a["range"] == {"since": None, "until": "2024"}, (dates, a["undated_left_out"])`},
		{[]string{"readout", "bc8cd36d2e9f6324"}, `
assert a["readout"]["title"] == "Joint Statement of the Quad Foreign Ministers" and a["readout"]["date"] == "2024-07-29"
assert all(f["readout"]["id"] == "bc8cd36d2e9f6324" for f in facts(a))`},
		{[]string{"readout", "../fixtures/readouts/05_quad-foreign-ministers-tokyo.txt"}, `assert a["readout"]["id"] == "bc8cd36d2e9f6324"`},
		{[]string{"meetings", "Japan", "--since", "2023-09", "--until", "2024-07-29"}, `
ms = a["meetings"]
assert [m["date"] for m in ms] == ["2023-09-22", "2024-07-29"], ms
for m in ms:
    assert len(m["participants"]) >= 3
    for p in m["participants"]: node(p)
    for f in m["facts"]: fact(f)`},
		{[]string{"stats"}, `
assert a["question"] == "stats" and isinstance(a["dangling"], int)
assert {"name": "Readout", "count": 16} in a["nodes"]
years = [y["year"] for y in a["years"]]
assert None in years and 2024 in years and all(isinstance(y["count"], int) for y in a["years"])`},
		{[]string{"check"}, `assert a["question"] == "check" and a["dangling"] == 0 and a["storage_verified"] is True`},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			r := runCmd(t, "", "query", append([]string{"--db", db, "--format", "json"}, c.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			py := exec.Command(python, "-c", checkJSON, c.assert)
			py.Stdin = strings.NewReader(r.stdout)
			if out, err := py.CombinedOutput(); err != nil {
				t.Errorf("python: %v\n%s\n%s", err, out, r.stdout)
			}
		})
	}
}

// TestUsageErrors checks that every usage error of every command exits 2
// with one line holding a usage hint.
func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts/01_wong-balakrishnan-singapore.txt"); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	for _, c := range []struct {
		tool string
		args []string
		want string
	}{
		{"query", []string{"--bogus", "path", "US", "Japan"}, "path US Japan; usage: query path A B"},
		{"query", []string{"pth", "US", "Japan"}, "path US Japan; usage: query COMMAND"},
		{"query", []string{}, "usage: query COMMAND"},
		{"query", []string{"path", "US"}, "usage: query path A B"},
		{"query", []string{"path", "US", "Japan", "--via", "FRIENDS"}, "usage: query path A B"},
		{"query", []string{"path", "US", "Japan", "--paths", "0"}, "usage: query path A B"},
		{"query", []string{"meetings", "Japan", "--since", "2021-13"}, "usage: query meetings X"},
		{"query", []string{"timeline"}, "usage: query timeline X"},
		{"query", []string{"readout"}, "usage: query readout ID|FILE"},
		{"query", []string{"stats", "extra"}, "usage: query stats"},
		{"query", []string{"topic", "trade", "--nope"}, "usage: query topic T"},
		{"ingest", []string{}, "usage: ingest"},
		{"ingest", []string{"--bogus", "x"}, "usage: ingest"},
		{"gencorpus", []string{"-bogus"}, "usage: gencorpus"},
		{"gencorpus", []string{"extra"}, "usage: gencorpus"},
	} {
		args := c.args
		if c.tool == "query" {
			args = append([]string{"--db", db}, args...)
		}
		r := runCmd(t, "", c.tool, args...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s %q: exit %d, stderr %q; want exit 2 and one line with %q", c.tool, c.args, r.code, r.stderr, c.want)
		}
	}
}
