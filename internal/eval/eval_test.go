package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// tinyGold exercises every rule: a resolvable official and pair, a
// spokesperson not predicted, pairs and phrases.
const tinyGold = `{
  "readout": "a.txt",
  "date": "2024-01-01",
  "states": ["US", "JP", "CN"],
  "officials": [
    {"name": "Antony Blinken", "state": "US", "title": "Secretary of State"},
    {"name": "Yoko Kamikawa", "state": "JP", "title": "Foreign Minister"},
    {"name": "Matthew Miller", "state": "US", "title": "Spokesperson"}
  ],
  "forums": ["UNGA", "QUAD"],
  "met_with": [["Yoko Kamikawa", "Antony Blinken"]],
  "member_of": [["JP", "QUAD"], ["US", "QUAD"]],
  "discussed": ["maritime security", "the situation in the Middle East"],
  "committed_to": ["a free and open Indo-Pacific"],
  "resolvable_officials": ["Fumio Kishida"],
  "resolvable_met_with": [["Antony Blinken", "Fumio Kishida"]]
}`

const tinyText = "Secretary Blinken meets Foreign Minister Kamikawa\n\nSecretary Blinken met Japanese Foreign Minister Kamikawa today.\nThey discussed maritime security and the situation in the Middle East.\n"

// tinyDoc is what a made-up extractor finds in tinyText.
func tinyDoc() graph.Document {
	off := func(id, name string) graph.Node { return graph.Node{Label: schema.Official, ID: id, Name: name} }
	topic := func(id, name string) graph.Node { return graph.Node{Label: schema.Topic, ID: id, Name: name} }
	edge := func(t schema.RelType, from, to string, props map[string]string) graph.Edge {
		return graph.Edge{Type: t, From: from, To: to, Evidence: "They discussed maritime security.", Props: props}
	}
	return graph.Document{
		Readout: graph.Node{Label: schema.Readout, ID: "r1", Name: "a"},
		Nodes: []graph.Node{
			{Label: schema.State, ID: "us"}, {Label: schema.State, ID: "jp"}, {Label: schema.State, ID: "kr"},
			{Label: schema.Forum, ID: "UNGA"},
			off("antony-blinken", "Blinken"), off("yoko-kamikawa", "KAMIKAWA Yoko"),
			off("fumio-kishida", "Kishida"), off("john-doe", "John Doe"),
			topic("maritime-security", "maritime security"), topic("indo-pacific", "Indo-Pacific"), topic("trade", "trade"),
			topic("middle-east", "Middle East"),
		},
		Edges: []graph.Edge{
			edge(schema.MetWith, "Official:antony-blinken", "Official:yoko-kamikawa", nil),
			edge(schema.MetWith, "Official:yoko-kamikawa", "Official:antony-blinken", nil), // the same pair
			edge(schema.MetWith, "Official:antony-blinken", "Official:fumio-kishida", nil), // resolvable: neither
			edge(schema.MetWith, "Official:antony-blinken", "Official:john-doe", nil),      // an end no gold official
			edge(schema.MemberOf, "State:jp", "Forum:QUAD", nil),
			edge(schema.MemberOf, "State:kr", "Forum:QUAD", nil),
			edge(schema.Discussed, "Official:antony-blinken", "Topic:maritime-security", nil),
			edge(schema.Discussed, "Official:yoko-kamikawa", "Topic:maritime-security", nil), // the same item
			edge(schema.Discussed, "State:jp", "Topic:indo-pacific", map[string]string{"phrase": "free and open Indo-Pacific"}),
			edge(schema.Discussed, "State:jp", "Topic:trade", nil),
			edge("EXPRESSED", "State:jp", "Topic:middle-east", map[string]string{"phrase": "the situation in the Middle East"}),
			edge(schema.CommittedTo, "State:jp", "Topic:indo-pacific", map[string]string{"phrase": "a free and open Indo-Pacific", "act": "reaffirmed"}),
		},
	}
}

// tinyWant is what tinyDoc scores against tinyGold.
var tinyWant = map[string]Score{
	"states":       {TP: 2, FP: 1, FN: 1},
	"officials":    {TP: 2, FP: 1, FN: 1},
	"forums":       {TP: 1, FP: 0, FN: 1},
	"met_with":     {TP: 1, FP: 1, FN: 0},
	"member_of":    {TP: 1, FP: 1, FN: 1, SoftHits: 1, SoftItems: 2},
	"discussed":    {TP: 2, FP: 1, FN: 1, Phrase: true, GoldItems: 2, SoftHits: 1, SoftItems: 2},
	"committed_to": {TP: 1, FP: 0, FN: 0, Phrase: true, GoldItems: 1, SoftHits: 1, SoftItems: 1},
}

// fake returns canned documents by readout file name.
type fake map[string]graph.Document

func (f fake) Extract(r readout.Readout) graph.Document { return f[filepath.Base(r.Origin)] }

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRunBothLayouts(t *testing.T) {
	realdev := t.TempDir()
	write(t, filepath.Join(realdev, "gold", "a.json"), tinyGold)
	write(t, filepath.Join(realdev, "readouts", "a.txt"), tinyText)
	devset := t.TempDir()
	write(t, filepath.Join(devset, "a.gold.json"), tinyGold)
	write(t, filepath.Join(devset, "a.txt"), tinyText)
	for name, dir := range map[string]string{"gold-and-readouts": realdev, "beside": devset} {
		t.Run(name, func(t *testing.T) {
			rep, err := Run(context.Background(), fake{"a.txt": tinyDoc()}, dir)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Files != 1 || len(rep.Failures) != 0 {
				t.Fatalf("files %d, failures %v", rep.Files, rep.Failures)
			}
			for _, c := range Categories {
				if got := rep.Scores[c]; got != tinyWant[c] {
					t.Errorf("%s: got %+v, want %+v", c, got, tinyWant[c])
				}
			}
			if got := rep.CoreScore(); got != (Score{TP: 6, FP: 3, FN: 3}) {
				t.Errorf("core: got %+v", got)
			}
			if r := rep.Scores["discussed"].Recall(); r != 0.5 {
				t.Errorf("discussed recall %.2f, want 1 - 1/2", r)
			}
		})
	}
}

func TestMisses(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.gold.json"), tinyGold)
	write(t, filepath.Join(dir, "a.txt"), tinyText)
	rep, err := Run(context.Background(), fake{"a.txt": tinyDoc()}, dir)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteMisses(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"a.gold.json\tstates\tmissed\tCN\t\t\n",
		"a.gold.json\tstates\tspurious\tKR\t\t\n",
		"a.gold.json\tofficials\tmissed\tMatthew Miller\t\t\n",
		"a.gold.json\tofficials\tspurious\tJohn Doe\t\t\n",
		"a.gold.json\tmet_with\tspurious\tBlinken — John Doe (an end is no gold official)\tThey discussed maritime security.\t\n",
		"a.gold.json\tmember_of\tmissed\tUS QUAD\t\t\n",
		"a.gold.json\tmember_of\tspurious\tKR QUAD\t",
		"a.gold.json\tdiscussed\tmissed\tthe situation in the Middle East\tThey discussed maritime security and the situation in the Middle East.\t\n",
		"a.gold.json\tdiscussed\tspurious\ttrade\t",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("misses lack %q:\n%s", want, b.String())
		}
	}
	if n := strings.Count(b.String(), "\n"); n != 1+10 {
		t.Errorf("%d lines, want a header and 10 misses:\n%s", n, b.String())
	}
}

func TestUnreadableReadoutScoresNothing(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.gold.json"), tinyGold)
	write(t, filepath.Join(dir, "a.txt"), "")
	rep, err := Run(context.Background(), fake{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) != 1 || rep.Scores["states"].FN != 3 {
		t.Errorf("failures %v, states %+v: want the empty readout failed and all its states missed", rep.Failures, rep.Scores["states"])
	}
}

func TestNoGold(t *testing.T) {
	if _, err := Run(context.Background(), fake{}, t.TempDir()); err == nil {
		t.Error("an empty directory evaluated without error")
	}
}

// TestAgreesWithScorePy scores the made-up extraction with the reference
// scorer too, fed the same document as ingest --dry-run --format json
// would print it, and wants the same lines.
func TestAgreesWithScorePy(t *testing.T) {
	score := filepath.Join(moduleRoot(t), "..", "shared", "realdev", "score.py")
	if _, err := os.Stat(score); err != nil {
		t.Skipf("no reference scorer at %s", score)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3 to run the reference scorer")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "gold", "a.json"), tinyGold)
	write(t, filepath.Join(dir, "readouts", "a.txt"), tinyText)
	write(t, filepath.Join(dir, "a.txt.json"), asIngestJSON(t, tinyDoc()))
	rep, err := Run(context.Background(), fake{"a.txt": tinyDoc()}, dir)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	rep.WriteScorePy(&want)
	// score.py appends the readout path, which the script takes as $0 and ignores.
	cmd := exec.Command("python3", score, filepath.Join(dir, "gold"), filepath.Join(dir, "readouts"),
		"sh", "-c", `cat "`+filepath.Join(dir, "a.txt.json")+`"`)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	if string(out) != want.String() {
		t.Errorf("score.py says\n%s\nevaluate says\n%s", out, want.String())
	}
}

// asIngestJSON prints a document as ingest --dry-run --format json does.
func asIngestJSON(t *testing.T, d graph.Document) string {
	t.Helper()
	var nodes []map[string]any
	for _, n := range append([]graph.Node{d.Readout}, d.Nodes...) {
		nodes = append(nodes, map[string]any{"key": n.Key(), "label": n.Label, "id": n.ID, "name": n.Name})
	}
	b, err := json.Marshal(map[string]any{"readouts": []any{map[string]any{"nodes": nodes, "edges": d.Edges}}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// moduleRoot is the directory holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
