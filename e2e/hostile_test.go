package e2e

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
)

// hostile is one hostile input: what to run, and what must come of it.
type hostile struct {
	name  string
	tool  string
	args  []string
	env   []string
	setup func(t *testing.T, dir string) []string // makes the inputs; its result is appended to args
	// interrupt, when set, sends SIGINT this long after the start.
	interrupt time.Duration
	code      int
	line      string // the one message line must contain this
	never     string // and no output may contain this
}

// TestHostileInputs drives the built binaries through hostile inputs and
// failing servers: each ends within seconds with the exact exit code and
// one message line (besides ingest's summary), and the store is exactly as
// it was before (its dump compared).
func TestHostileInputs(t *testing.T) {
	work := t.TempDir()
	db := filepath.Join(work, "g.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../fixtures/readouts"); r.code != 0 {
		t.Fatalf("ingest fixtures: %s", r.stderr)
	}
	before := dump(t, db)
	silent := silentServer(t)
	neo := func(uri string, extra ...string) []string {
		return append([]string{"DIPLOGRAPH_NEO4J_URI=" + uri}, extra...)
	}
	cases := []hostile{
		{name: "fifo corpus named", tool: "ingest", setup: fifo("a.jsonl"), code: 1, line: "a.jsonl: not a regular file"},
		{name: "fifo text named", tool: "ingest", setup: fifo("a.txt"), code: 1, line: "a.txt: not a regular file"},
		{name: "fifo corpus in a directory", tool: "ingest", setup: func(t *testing.T, dir string) []string {
			fifo("b.jsonl")(t, dir)
			return []string{dir}
		}, code: 1, line: "b.jsonl: not a regular file"},
		{name: "corpus linked to /dev/zero", tool: "ingest", setup: link("/dev/zero", "zero.jsonl"), code: 1, line: "zero.jsonl: not a regular file"},
		{name: "text linked to /dev/zero in a directory", tool: "ingest", setup: func(t *testing.T, dir string) []string {
			link("/dev/zero", "zero.txt")(t, dir)
			return []string{dir}
		}, code: 1, line: "zero.txt: not a regular file"},
		{name: "newline in a file name", tool: "ingest", setup: file("evil\ningest: forged.txt", "\x00\x01binary"), code: 1,
			line: `evil\ningest: forged.txt: binary content`},
		{name: "escape sequence in a file name", tool: "ingest", setup: file("red\x1b[31m.txt", "\x00\x01binary"), code: 1,
			line: `red\x1b[31m.txt: binary content`, never: "\x1b"},
		{name: "front matter keys differing in case", tool: "ingest", setup: file("fm.md", "---\ntitle: a\nTitle: b\n---\nMinister A met Minister B."),
			code: 1, line: `keys "Title" and "title" both set the title`},
		{name: "UTF-16 text", tool: "ingest", setup: file("u16.txt", utf16LE("Foreign Minister A met Foreign Minister B.")), code: 1,
			line: "UTF-16 text is not supported: convert it to UTF-8"},
		{name: "limit at int64 max", tool: "ingest", args: []string{"--max-file-bytes", "9223372036854775807"}, setup: file("ok.txt", "Minister A met Minister B."),
			code: 2, line: "ingest.max_file_bytes: 9223372036854775807 is not between 1 and 1073741824"},
		{name: "password in the config file", tool: "query", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "c.yaml")
			os.WriteFile(p, []byte("neo4j:\n  uri: bolt://127.0.0.1:1\n  password: hunter2\n"), 0o600)
			return []string{"--config", p, "check"}
		}, code: 2, line: "neo4j.password in ", never: "hunter2"},
		{name: "password after digits in the URI", tool: "query", args: []string{"--store", "neo4j", "check"},
			env: neo("bolt://user:12345/Secret@127.0.0.1:1", "DIPLOGRAPH_NEO4J_TIMEOUT=1s"), code: 2, line: "store unavailable", never: "Secret"},
		{name: "silent server, query", tool: "query", args: []string{"--store", "neo4j", "path", "US", "Japan"},
			env: neo("bolt://"+silent, "DIPLOGRAPH_NEO4J_TIMEOUT=1s"), code: 2, line: "no answer within 1s"},
		{name: "silent server, ingest", tool: "ingest", args: []string{"--store", "neo4j", "../fixtures/readouts"},
			env: neo("neo4j://"+silent, "DIPLOGRAPH_NEO4J_TIMEOUT=1s"), code: 2, line: "no answer within 1s"},
		{name: "silent server, query interrupted", tool: "query", args: []string{"--store", "neo4j", "check"},
			env: neo("bolt://"+silent, "DIPLOGRAPH_NEO4J_TIMEOUT=10m"), interrupt: 500 * time.Millisecond, code: 1, line: "query: interrupted"},
		{name: "silent server, ingest interrupted", tool: "ingest", args: []string{"--store", "neo4j", "../fixtures/readouts"},
			env: neo("bolt://"+silent, "DIPLOGRAPH_NEO4J_TIMEOUT=10m"), interrupt: 500 * time.Millisecond, code: 1, line: "ingest: interrupted"},
		{name: "bad flag value", tool: "query", args: []string{"path", "US", "Japan", "--max-hops", "lots"}, code: 2, line: "invalid argument"},
		{name: "config type error", tool: "query", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "c.yaml")
			os.WriteFile(p, []byte("neo4j:\n  batch_size: lots\n"), 0o600)
			return []string{"--config", p, "check"}
		}, code: 2, line: "cannot parse"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{}, c.args...)
			if c.tool == "query" || c.env == nil {
				args = append([]string{"--db", db}, args...)
			}
			if c.setup != nil {
				args = append(args, c.setup(t, t.TempDir())...)
			}
			r := runBounded(t, c, args)
			if r.code != c.code {
				t.Errorf("exit %d, want %d\n%s", r.code, c.code, r.stderr)
			}
			var msgs []string
			for _, l := range strings.Split(strings.TrimRight(r.stderr, "\n"), "\n") {
				if !strings.HasPrefix(l, "readouts ") { // ingest's summary
					msgs = append(msgs, l)
				}
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0], c.line) {
				t.Errorf("stderr %q: want one message line holding %q", r.stderr, c.line)
			}
			if c.never != "" && strings.Contains(r.stdout+r.stderr, c.never) {
				t.Errorf("output holds %q:\n%s%s", c.never, r.stdout, r.stderr)
			}
		})
	}
	if after := dump(t, db); after != before {
		t.Errorf("the store changed:\n%s\nthen\n%s", before, after)
	}
}

// TestDuplicatesInOneRun: a corpus holding one id twice and one text
// under two ids is reported line by line, exits 1, and re-runs report
// every stored readout unchanged.
func TestDuplicatesInOneRun(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	os.WriteFile(corpus, []byte(`{"id":"a","text":"Foreign Minister A met Foreign Minister B in Tokyo."}`+"\n"+
		`{"id":"a","text":"Foreign Minister C met Foreign Minister D in Paris."}`+"\n"+
		`{"id":"b","text":"Foreign Minister A met Foreign Minister B in Tokyo."}`+"\n"), 0o644)
	db := filepath.Join(dir, "g.db")
	for i, want := range []string{"new 1", "unchanged 1"} {
		r := runCmd(t, "", "ingest", "--db", db, corpus)
		if r.code != 1 {
			t.Errorf("run %d: exit %d, want 1", i+1, r.code)
		}
		for _, s := range []string{"c.jsonl:2: duplicate readout: same file or record id as " + corpus + ":1",
			"c.jsonl:3: duplicate readout: same text as " + corpus + ":1", want, "duplicates 2"} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("run %d: stderr lacks %q:\n%s", i+1, s, r.stderr)
			}
		}
	}
}

// dump is the store as the tools show it: its counts and integrity, and
// every relationship of a few well-connected nodes.
func dump(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range [][]string{{"check"}, {"neighbors", "US"}, {"neighbors", "Japan"}, {"members", "Quad"}} {
		r := runCmd(t, "", "query", append([]string{"--db", db, "--format", "json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("query %v: exit %d %s", args, r.code, r.stderr)
		}
		b.WriteString(r.stdout)
	}
	return b.String()
}

// runBounded runs a case's tool with a deadline, sending SIGINT first if
// the case asks for it.
func runBounded(t *testing.T, c hostile, args []string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(bin, c.tool), args...)
	cmd.Env = append(cleanEnv(), c.env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if c.interrupt > 0 {
		time.AfterFunc(c.interrupt, func() { cmd.Process.Signal(syscall.SIGINT) })
	}
	err := cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("%s %q still running after 30s", c.tool, args)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %s", took)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func fifo(name string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		return []string{p}
	}
}

func link(target, name string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return []string{p}
	}
}

func file(name, data string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{p}
	}
}

func utf16LE(s string) string {
	var b []byte
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(s))...) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// silentServer accepts TCP connections and never answers, like a frozen
// Neo4j; it returns the address.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 256)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns <- c // held open, never read or written
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		for len(conns) > 0 {
			(<-conns).Close()
		}
	})
	return ln.Addr().String()
}
