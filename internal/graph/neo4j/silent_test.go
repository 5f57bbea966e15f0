package neo4j

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
)

// silentServer accepts TCP connections and never answers, as a frozen
// server does; it returns the address.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c) // held open, never read or written
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// TestSilentServerTimesOut opens a store on a server that never answers:
// Open fails within its connect timeout with graph.ErrUnavailable and a
// message that says what happened, instead of hanging.
func TestSilentServerTimesOut(t *testing.T) {
	addr := silentServer(t)
	for _, scheme := range []string{"bolt", "neo4j"} {
		t.Run(scheme, func(t *testing.T) {
			start := time.Now()
			_, err := Open(context.Background(), Options{URI: scheme + "://" + addr, ConnectTimeout: 500 * time.Millisecond, ReadOnly: true})
			took := time.Since(start)
			if !errors.Is(err, graph.ErrUnavailable) {
				t.Fatalf("got %v, want graph.ErrUnavailable", err)
			}
			if took > 5*time.Second {
				t.Errorf("took %s to give up, want about the 500ms timeout", took)
			}
			if msg := err.Error(); !strings.Contains(msg, "no answer within 500ms") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line saying there was no answer within 500ms", msg)
			}
		})
	}
}

// TestSilentServerHonoursCancel cancels the context while Open waits on a
// silent server: Open returns at once.
func TestSilentServerHonoursCancel(t *testing.T) {
	addr := silentServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := Open(ctx, Options{URI: "bolt://" + addr, ConnectTimeout: time.Minute})
	if err == nil {
		t.Fatal("opened a store on a silent server")
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %s after the cancel at 200ms", took)
	}
}
