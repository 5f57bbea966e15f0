package neo4j

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
)

const (
	serverScript = "../../../scripts/neo4j/neo4j.sh"
	scriptURI    = "bolt://127.0.0.1:7687" // the script's default server
)

// TestServerStopsMidIngest stops a server of its own while readouts are
// being written: the write in flight fails with graph.ErrUnavailable, and
// after a restart, writing everything again gives exactly the graph a
// clean run gives (each readout was written whole or not at all).
func TestServerStopsMidIngest(t *testing.T) {
	srv := startOwnServer(t)

	ctx := context.Background()
	s, err := Open(ctx, Options{URI: "bolt://127.0.0.1:" + srv.port, RetryTime: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustMigrate(t, s)
	docs := variedDocs(t, 600)

	stopped := make(chan struct{})
	written := 0
	var writeErr error
	for i, d := range docs {
		if i == 40 {
			go func() {
				defer close(stopped)
				if err := srv.exec("stop"); err != nil {
					t.Error(err) // not Fatal: this is not the test's goroutine
				}
			}()
		}
		if _, writeErr = s.WriteReadout(ctx, d); writeErr != nil {
			break
		}
		written++
	}
	<-stopped
	if writeErr == nil {
		t.Fatalf("all %d readouts were written before the server stopped", len(docs))
	}
	if !errors.Is(writeErr, graph.ErrUnavailable) {
		t.Fatalf("write while the server stopped: %v, want ErrUnavailable", writeErr)
	}
	t.Logf("readout %d failed: %v", written, writeErr)
	if _, err := s.WriteReadout(ctx, docs[written]); !errors.Is(err, graph.ErrUnavailable) {
		t.Errorf("write to a stopped server: %v, want ErrUnavailable", err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, graph.ErrUnavailable) {
		t.Errorf("read from a stopped server: %v, want ErrUnavailable", err)
	}

	srv.run("start")
	for i, d := range docs {
		st, err := s.WriteReadout(ctx, d)
		if err != nil {
			t.Fatalf("rewrite %d after restart: %v", i, err)
		}
		if (i < written && st != graph.Unchanged) || (i > written && st != graph.Created) || st == graph.Replaced {
			t.Errorf("rewrite %d after restart (%d were written): status %v", i, written, st)
		}
	}
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clean := openEmbedded(t)
	writeAll(t, clean, docs)
	want, _ := clean.Stats(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the restart: %v\na clean run: %v", got, want)
	}
}

// scriptServer is a Neo4j started by scripts/neo4j/neo4j.sh on the fault
// test's port, with its store in the test's temporary directory.
// scriptServer drives scripts/neo4j/neo4j.sh for a server of the test's
// own, on its own port and store; NEO4J_OWN makes the script fail rather
// than hand over a server someone else started on that port.
// startOwnServer starts a Neo4j server of the test's own, on a free port
// with a fresh store, and stops it when the test ends; it skips where no
// such server can be had.
func startOwnServer(t *testing.T) *scriptServer {
	t.Helper()
	if testing.Short() {
		t.Skip("starts and stops a Neo4j server of its own: not in -short mode")
	}
	if _, err := os.Stat(serverScript); err != nil {
		t.Skipf("no %s to run a server of the test's own: %v", serverScript, err)
	}
	if os.Getenv("NEO4J_TEST_FAULT_SCRIPT") == "" && os.Getenv("NEO4J_TEST_URI") != scriptURI {
		t.Skip("the fault tests run where the script's server is the test server (NEO4J_TEST_URI=" +
			scriptURI + ") or NEO4J_TEST_FAULT_SCRIPT is set")
	}
	srv := &scriptServer{t: t, home: t.TempDir(), port: freePort(t)}
	srv.run("start", "NEO4J_WIPE=1")
	t.Cleanup(func() { srv.run("stop") })
	return srv
}

type scriptServer struct {
	t    *testing.T
	home string
	port string
}

// freePort is a TCP port on 127.0.0.1 that nothing listened on a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func (s *scriptServer) run(verb string, env ...string) {
	s.t.Helper()
	if err := s.exec(verb, env...); err != nil {
		s.t.Fatal(err)
	}
}

func (s *scriptServer) exec(verb string, env ...string) error {
	script, _ := filepath.Abs(serverScript)
	cmd := exec.Command(script, verb)
	cmd.Env = append(os.Environ(), append(env, "NEO4J_BOLT_PORT="+s.port, "NEO4J_HOME_DIR="+s.home, "NEO4J_OWN=1",
		"NEO4J_HEAP=512m", "NEO4J_STOP_GRACE=20")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("neo4j.sh %s: %v\n%s", verb, err, out)
	}
	return nil
}

// TestScriptRefusesAForeignServer: with NEO4J_OWN=1, as the test command
// runs it, the server script fails when something it did not start
// answers on the port, instead of pointing the tests (which wipe the
// database) at it.
func TestScriptRefusesAForeignServer(t *testing.T) {
	if _, err := os.Stat(serverScript); err != nil {
		t.Skipf("no %s: %v", serverScript, err)
	}
	foreign := silentServer(t)
	_, port, _ := net.SplitHostPort(foreign)
	srv := &scriptServer{t: t, home: t.TempDir(), port: port}
	err := srv.exec("start")
	if err == nil || !strings.Contains(err.Error(), "(not started by this script); refusing to use it") {
		t.Fatalf("neo4j.sh start on a port another server holds: %v; want a refusal", err)
	}
}

// TestFrozenServer freezes a server of the test's own (SIGSTOP) under an
// open store: a read and a write each give up with graph.ErrUnavailable
// within their bound (the transaction timeout, with ten seconds to spare),
// and once the server runs again (SIGCONT) the store answers as before.
func TestFrozenServer(t *testing.T) {
	srv := startOwnServer(t)
	pidText, err := os.ReadFile(filepath.Join(srv.home, "bolt-"+srv.port, "neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	if _, err := fmt.Sscan(strings.TrimSpace(string(pidText)), &pid); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	uri := "bolt://127.0.0.1:" + srv.port
	docs := variedDocs(t, 3)
	// A freshly started server answers its first queries slowly: warm it
	// under a generous bound before holding the store to a tight one.
	warm, err := Open(ctx, Options{URI: uri, TxTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	mustMigrate(t, warm)
	if _, err := warm.WriteReadout(ctx, docs[2]); err != nil {
		t.Fatal(err)
	}
	warm.Close()
	const bound = 3 * time.Second
	s, err := Open(ctx, Options{URI: uri, RetryTime: time.Second, TxTimeout: bound})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	frozen := true
	thaw := func() {
		if frozen {
			syscall.Kill(pid, syscall.SIGCONT)
			frozen = false
		}
	}
	defer thaw()
	for name, call := range map[string]func() error{
		"read":  func() error { _, err := s.Stats(ctx); return err },
		"write": func() error { _, err := s.WriteReadout(ctx, docs[0]); return err },
	} {
		start := time.Now()
		err := call()
		took := time.Since(start)
		if !errors.Is(err, graph.ErrUnavailable) {
			t.Errorf("%s against a frozen server: %v, want graph.ErrUnavailable", name, err)
		}
		if took > bound+10*time.Second {
			t.Errorf("%s against a frozen server took %v, past its bound of %v", name, took, bound)
		}
	}
	thaw()
	if _, err := s.WriteReadout(ctx, docs[1]); err != nil {
		t.Errorf("write after the server thawed: %v", err)
	}
}
