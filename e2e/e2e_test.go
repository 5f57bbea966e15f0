// Package e2e runs the built ingest and query binaries against a temporary
// embedded store, the way a user runs them.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var bin string // directory holding the built binaries

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "diplograph-e2e")
	if err != nil {
		panic(err)
	}
	bin = dir
	build := exec.Command("go", "build", "-o", dir, "../cmd/ingest", "../cmd/query", "../cmd/gencorpus", "../cmd/export")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("build binaries: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a command printed and how it exited.
type result struct {
	stdout, stderr string
	code           int
}

func runCmd(t *testing.T, stdin string, name string, args ...string) result {
	t.Helper()
	return runCmdEnv(t, nil, stdin, name, args...)
}

// runCmdEnv runs a command with extra environment variables.
func runCmdEnv(t *testing.T, env []string, stdin string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(filepath.Join(bin, name), args...)
	cmd.Env = append(cleanEnv(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %s: %v", name, err)
	}
	return result{out.String(), errb.String(), code}
}

// cleanEnv keeps DIPLOGRAPH_ settings of the person running the tests from
// leaking into them.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DIPLOGRAPH_") {
			env = append(env, kv)
		}
	}
	return env
}

func TestIngestThenQueryPath(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts")
	if r.code != 0 {
		t.Fatalf("ingest exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "readouts 16 (new 16") || !strings.Contains(r.stderr, "failed 0") {
		t.Errorf("summary: %s", r.stderr)
	}
	q := runCmd(t, "", "query", "--db", db, "path", "US", "Japan")
	if q.code != 0 {
		t.Fatalf("query exit %d: %s", q.code, q.stderr)
	}
	// The path goes through a meeting: a US official met a Japanese one.
	for _, want := range []string{"United States (US)", "Japan (JP)", "<-[REPRESENTS]-", "-[MET_WITH]->", "-[REPRESENTS]->", "“"} {
		if !strings.Contains(q.stdout, want) {
			t.Errorf("path output lacks %q:\n%s", want, q.stdout)
		}
	}

	again := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts")
	if again.code != 0 || !strings.Contains(again.stderr, "unchanged 16") {
		t.Errorf("re-ingest: exit %d, %s", again.code, again.stderr)
	}
	check := runCmd(t, "", "query", "--db", db, "check", "--format", "csv")
	if check.code != 0 || !strings.Contains(check.stdout, "check,dangling edges,0") {
		t.Errorf("check after re-ingest: exit %d\n%s%s", check.code, check.stdout, check.stderr)
	}
}

func TestQueryFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts"); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	j := runCmd(t, "", "query", "--db", db, "--format", "json", "members", "Quad")
	var members struct {
		Facts []struct {
			From     struct{ ID, Name string }
			Relation string
			Readout  struct{ ID, Title, Date, Source *string }
		}
	}
	if err := json.Unmarshal([]byte(j.stdout), &members); err != nil || len(members.Facts) < 4 {
		t.Fatalf("members json: %v, %d facts\n%s", err, len(members.Facts), j.stdout)
	}
	for _, f := range members.Facts {
		if f.Relation != "MEMBER_OF" || f.Readout.ID == nil || f.Readout.Title == nil || f.Readout.Date == nil || f.Readout.Source == nil {
			t.Errorf("member fact without its readout: %+v", f)
		}
	}
	c := runCmd(t, "", "query", "--db", db, "--format", "csv", "meetings", "Japan", "--since", "2023")
	if c.code != 0 || !strings.HasPrefix(c.stdout, "meeting,date,participant_keys,participant_names,acts,evidence,readout_id,readout_title,readout_date,readout_source\n") {
		t.Errorf("meetings csv: exit %d\n%s%s", c.code, c.stdout, c.stderr)
	}
	// What a state committed to is shown in the readout's words.
	cm := runCmd(t, "", "query", "--db", db, "--format", "json", "commitments", "Australia")
	var commits struct {
		Facts []struct{ Phrase, Evidence *string }
	}
	if err := json.Unmarshal([]byte(cm.stdout), &commits); err != nil || len(commits.Facts) == 0 {
		t.Fatalf("commitments json: %v\n%s%s", err, cm.stdout, cm.stderr)
	}
	for _, r := range commits.Facts {
		if r.Phrase == nil || r.Evidence == nil {
			t.Errorf("commitment without its phrase or evidence: %+v", r)
			continue
		}
		words := strings.Fields(*r.Phrase)
		if !strings.Contains(strings.ToLower(*r.Evidence), strings.ToLower(words[len(words)-1])) {
			t.Errorf("commitment's phrase is not from the evidence: %q, %q", *r.Phrase, *r.Evidence)
		}
	}
	u := runCmd(t, "", "query", "--db", db, "neighbors", "Blinkn")
	if u.code != 1 || !strings.Contains(u.stderr, "did you mean: Antony Blinken") {
		t.Errorf("unknown name: exit %d, %s", u.code, u.stderr)
	}
	none := runCmd(t, "", "query", "--db", filepath.Join(t.TempDir(), "none.db"), "path", "US", "Japan")
	if none.code != 2 || !strings.Contains(none.stderr, "run ingest first") {
		t.Errorf("missing store: exit %d, %s", none.code, none.stderr)
	}
}

func TestDryRunJSONShape(t *testing.T) {
	r := runCmd(t, "", "ingest", "--dry-run", "--format", "json", "../fixtures/readouts/01_wong-balakrishnan-singapore.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Readouts []struct {
			ID, Source, Title string
			Date, Location    *string
			Nodes             []struct{ Key, Label, ID, Name string }
			Edges             []struct{ Type, From, To, Date, Evidence string }
		}
		Errors []struct{ Source, Error string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(out.Readouts) != 1 || out.Errors == nil || len(out.Errors) != 0 {
		t.Fatalf("got %d readouts, errors %v", len(out.Readouts), out.Errors)
	}
	rd := out.Readouts[0]
	if rd.ID == "" || rd.Date == nil || *rd.Date != "2023-02-08" || rd.Location == nil || len(rd.Nodes) == 0 || len(rd.Edges) == 0 {
		t.Errorf("readout: %+v", rd)
	}
	for _, n := range rd.Nodes {
		if n.Key != n.Label+":"+n.ID {
			t.Errorf("node key %q is not label:id", n.Key)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":     "Tokyo, 4 March 2023: Japanese Foreign Minister Yoshimasa Hayashi met Australian Foreign Minister Penny Wong. They discussed maritime security.",
		"binary.txt":   "\x00\x01\x02\x03",
		"latin1.txt":   "Caf\xe9 diplomacy in Paris",
		"empty.md":     "",
		"frontmat.md":  "---\ntitle: [oops\n---\nThe ministers met.",
		"corpus.jsonl": "{\"id\":\"a\",\"text\":\"Indian External Affairs Minister S. Jaishankar met Penny Wong.\"}\nnot json at all\n",
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	big, _ := os.Create(filepath.Join(dir, "huge.txt"))
	big.Truncate(50 << 20)
	big.Close()
	db := filepath.Join(t.TempDir(), "g.db")
	r := runCmd(t, "", "ingest", "--db", db, dir, filepath.Join(dir, "missing.txt"))
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (some failed)\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"binary.txt: binary content", "latin1.txt: text is not valid UTF-8", "empty.md: empty readout",
		"frontmat.md: malformed front matter", "corpus.jsonl:2: not a JSON readout record",
		"huge.txt: larger than the size limit", "missing.txt: no such file",
		"readouts 2 (new 2", "failed 7",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	q := runCmd(t, "", "query", "--db", db, "meetings", "Hayashi")
	if q.code != 0 || !strings.Contains(q.stdout, "Penny Wong") {
		t.Errorf("the good readout was not stored: %s%s", q.stdout, q.stderr)
	}
}

func TestStdinAndUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	r := runCmd(t, "Canberra, 3 May 2024: Australian Foreign Minister Penny Wong spoke with Japanese Foreign Minister Yoko Kamikawa.", "ingest", "--db", db, "-")
	if r.code != 0 || !strings.Contains(r.stderr, "readouts 1") {
		t.Errorf("stdin ingest: exit %d, %s", r.code, r.stderr)
	}
	if u := runCmd(t, "", "ingest", "--store", "mongo", "x"); u.code != 2 {
		t.Errorf("bad store: exit %d, want 2: %s", u.code, u.stderr)
	}
	if u := runCmd(t, "", "ingest"); u.code != 2 {
		t.Errorf("no paths: exit %d, want 2", u.code)
	}
	if u := runCmd(t, "", "query", "--db", db, "path", "US"); u.code != 2 {
		t.Errorf("path with one name: exit %d, want 2", u.code)
	}
	if u := runCmd(t, "", "query", "--db", db, "--format", "xml", "members", "Quad"); u.code != 2 {
		t.Errorf("bad format: exit %d, want 2", u.code)
	}
}

// TestCypherNeverReachesEmbedded checks that Cypher, however destructive,
// is refused before it reaches the embedded store, which stays as it was.
func TestCypherNeverReachesEmbedded(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	before := runCmd(t, "", "query", "--db", db, "check", "--format", "csv").stdout
	for _, q := range []string{"MATCH (n) DETACH DELETE n", "CREATE (n:State {id: 'ZZ'})", "CALL db.clearQueryCaches()"} {
		r := runCmd(t, "", "query", "--db", db, "cypher", q)
		if r.code != 2 || !strings.Contains(r.stderr, "needs the neo4j store") {
			t.Errorf("%q: exit %d, %s", q, r.code, r.stderr)
		}
	}
	if r := runCmd(t, "", "query", "--db", db, "run", "stats"); r.code != 2 {
		t.Errorf("run on embedded: exit %d", r.code)
	}
	if after := runCmd(t, "", "query", "--db", db, "check", "--format", "csv").stdout; after != before {
		t.Errorf("store changed:\n%s\n%s", before, after)
	}
}

// TestFlagsOverrideConfig checks the order file < environment < flag.
func TestFlagsOverrideConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("db: "+filepath.Join(dir, "from-file.db")+"\nquery:\n  format: csv\n"), 0o644)
	if r := runCmd(t, "", "ingest", "--config", cfg, "../fixtures/readouts/01_wong-balakrishnan-singapore.txt"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "from-file.db")); err != nil {
		t.Errorf("config file's db not used: %v", err)
	}
	r := runCmd(t, "", "query", "--config", cfg, "members", "ASEAN")
	if !strings.HasPrefix(r.stdout, "from_key,from_label") {
		t.Errorf("config file's format not used:\n%s%s", r.stdout, r.stderr)
	}
	r = runCmdEnv(t, []string{"DIPLOGRAPH_QUERY_FORMAT=json"}, "", "query", "--config", cfg, "members", "ASEAN")
	if !strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Errorf("environment did not override the file:\n%s", r.stdout)
	}
	r = runCmdEnv(t, []string{"DIPLOGRAPH_QUERY_FORMAT=json"}, "", "query", "--config", cfg, "--format", "table", "members", "ASEAN")
	if !strings.HasPrefix(r.stdout, "Members of") {
		t.Errorf("flag did not override the environment:\n%s", r.stdout)
	}
	tooBig := runCmd(t, "", "ingest", "--config", cfg, "--max-file-bytes", "100", "../fixtures/readouts/01_wong-balakrishnan-singapore.txt")
	if tooBig.code != 1 || !strings.Contains(tooBig.stderr, "larger than the size limit") {
		t.Errorf("--max-file-bytes: exit %d, %s", tooBig.code, tooBig.stderr)
	}
}
