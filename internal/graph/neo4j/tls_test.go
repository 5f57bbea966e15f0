package neo4j

import (
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
)

// tlsServer is the host:port of a test server that also takes TLS, and its
// self-signed certificate. scripts/neo4j's server does (scripts/test.sh
// names its certificate in NEO4J_TEST_TLS_CERT); without one the TLS tests
// skip, saying why.
func tlsServer(t *testing.T) (hostPort, cert string) {
	t.Helper()
	cert = os.Getenv("NEO4J_TEST_TLS_CERT")
	u, err := url.Parse(testServer(t).URI)
	if cert == "" || err != nil || u.Host == "" {
		t.Skip("no TLS test server: NEO4J_TEST_TLS_CERT names the certificate of the NEO4J_TEST_URI server when it takes TLS (scripts/neo4j's does)")
	}
	return u.Host, cert
}

// TestTLS connects with every TLS scheme to a server with a self-signed
// certificate: +ssc accepts it, +s refuses it with one clear line, and +s
// accepts it once the certificate is trusted (SSL_CERT_FILE, in a child
// process, since Go reads the system roots once).
func TestTLS(t *testing.T) {
	hostPort, cert := tlsServer(t)
	ctx := context.Background()
	for _, scheme := range []string{"bolt+ssc", "neo4j+ssc"} {
		t.Run(scheme, func(t *testing.T) {
			s, err := Open(ctx, Options{URI: scheme + "://" + hostPort})
			if err != nil {
				t.Fatalf("self-signed certificate refused: %v", err)
			}
			defer s.Close()
			if _, err := s.Stats(ctx); err != nil {
				t.Errorf("query over TLS: %v", err)
			}
		})
	}
	for _, scheme := range []string{"bolt+s", "neo4j+s"} {
		t.Run(scheme+"/untrusted", func(t *testing.T) {
			s, err := Open(ctx, Options{URI: scheme + "://" + hostPort})
			if err == nil {
				s.Close()
				t.Fatal("an untrusted certificate was accepted")
			}
			msg := err.Error()
			if !errors.Is(err, graph.ErrUnavailable) || !strings.Contains(msg, "certificate") || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line, store unavailable, naming the certificate", msg)
			}
		})
	}
	t.Run("trusted", func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestTLSTrustedChild$", "-test.v")
		cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+cert, "DIPLOGRAPH_TLS_CHILD="+hostPort)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestTLSTrustedChild") {
			t.Errorf("with the certificate trusted: %v\n%s", err, out)
		}
	})
}

// TestTLSTrustedChild is TestTLS's child process: it trusts the test
// server's certificate through SSL_CERT_FILE and connects with +s.
func TestTLSTrustedChild(t *testing.T) {
	hostPort := os.Getenv("DIPLOGRAPH_TLS_CHILD")
	if hostPort == "" {
		t.Skip("run by TestTLS")
	}
	ctx := context.Background()
	for _, scheme := range []string{"bolt+s", "neo4j+s"} {
		s, err := Open(ctx, Options{URI: scheme + "://" + hostPort})
		if err != nil {
			t.Fatalf("%s with the certificate trusted: %v", scheme, err)
		}
		if _, err := s.Stats(ctx); err != nil {
			t.Errorf("%s query: %v", scheme, err)
		}
		s.Close()
	}
}
