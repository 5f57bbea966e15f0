package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// silentServer accepts TCP connections and never answers, like a frozen
// Neo4j; it returns the address.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 64)
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

// TestQueryAgainstSilentServer: query gives up on a server that never
// answers within neo4j.timeout, with one line and the set-up exit code,
// and an interrupt ends the wait at once however long the timeout.
func TestQueryAgainstSilentServer(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://"+silentServer(t))
	cases := []struct {
		name     string
		timeout  string
		cancel   time.Duration // 0: never
		want     string
		wantCode int
	}{
		{"timeout", "700ms", 0, "query: store unavailable: neo4j at bolt://", exitSetup},
		{"interrupt", "10m", 300 * time.Millisecond, "query: interrupted\n", exitQuery},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("DIPLOGRAPH_NEO4J_TIMEOUT", c.timeout)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if c.cancel > 0 {
				time.AfterFunc(c.cancel, cancel)
			}
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			start := time.Now()
			go func() { done <- run(ctx, []string{"check"}, &stdout, &stderr) }()
			select {
			case code := <-done:
				msg := stderr.String()
				if code != c.wantCode || !strings.HasPrefix(msg, c.want) || strings.Count(msg, "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want %d and one line starting %q", code, msg, c.wantCode, c.want)
				}
				if c.name == "timeout" && !strings.Contains(msg, "no answer within 700ms") {
					t.Errorf("stderr %q does not say how long it waited", msg)
				}
				if took := time.Since(start); took > 5*time.Second {
					t.Errorf("took %s", took)
				}
			case <-time.After(15 * time.Second):
				t.Fatal("query still waiting on a silent server after 15s")
			}
		})
	}
}
