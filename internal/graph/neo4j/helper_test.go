package neo4j

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

const noServer = "no Neo4j: set NEO4J_TEST_URI or run make neo4j-start; no Docker engine for testcontainers"

// server is the Neo4j the tests share, found once per run.
var server struct {
	once      sync.Once
	opts      Options
	reason    string // why there is none
	container testcontainers.Container
}

func TestMain(m *testing.M) {
	code := m.Run()
	if server.container != nil {
		testcontainers.TerminateContainer(server.container)
	}
	os.Exit(code)
}

// testServer finds a Neo4j to test against: NEO4J_TEST_URI, else a
// container when a Docker engine answers. Without one the test is skipped,
// or fails under CI=true, where the Neo4j suite must run.
func testServer(t testing.TB) Options {
	t.Helper()
	server.once.Do(findServer)
	if server.reason != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(server.reason)
		}
		t.Skip(server.reason)
	}
	return server.opts
}

func findServer() {
	if uri := os.Getenv("NEO4J_TEST_URI"); uri != "" {
		server.opts = Options{URI: uri, User: os.Getenv("NEO4J_TEST_USER"), Password: os.Getenv("NEO4J_TEST_PASSWORD"),
			TxTimeout: benchTxTimeout}
		return
	}
	if !dockerAnswers() {
		server.reason = noServer
		return
	}
	uri, ctr, err := startContainer()
	server.container = ctr
	if err != nil {
		server.reason = fmt.Sprintf("%s (testcontainers: %v)", noServer, err)
		return
	}
	server.opts = Options{URI: uri, TxTimeout: benchTxTimeout}
}

// benchTxTimeout bounds the tests' and benchmarks' transactions: wiping
// the million-relationship graph of BenchmarkNeo4jQueryPath is one
// statement and may outlast the default two minutes on a slow machine.
const benchTxTimeout = 30 * time.Minute

// dockerAnswers reports whether a Docker engine is reachable, without
// letting testcontainers panic when there is none.
func dockerAnswers() (ok bool) {
	if os.Getenv("DOCKER_HOST") == "" {
		if _, err := os.Stat("/var/run/docker.sock"); err != nil {
			return false
		}
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	p, err := testcontainers.NewDockerProvider()
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return p.Health(ctx) == nil
}

func startContainer() (uri string, ctr testcontainers.Container, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c, err := testcontainers.Run(ctx, "neo4j:5",
		testcontainers.WithEnv(map[string]string{"NEO4J_AUTH": "none"}),
		testcontainers.WithExposedPorts("7687/tcp"),
		testcontainers.WithWaitStrategy(wait.ForListeningPort("7687/tcp").WithStartupTimeout(3*time.Minute)),
	)
	if err != nil {
		return "", c, err
	}
	uri, err = c.PortEndpoint(ctx, "7687/tcp", "bolt")
	return uri, c, err
}

// wiped remembers the tests whose graph was wiped, so that a test opening
// the store twice (to reopen it) keeps what it wrote.
var wiped sync.Map

// newTestStore opens the shared server's database, empty at the start of
// the test and closed at its end. The tests share one database, so none of
// them may run in parallel.
func newTestStore(t *testing.T) graph.Store { return openTestStore(t) }

func openTestStore(t testing.TB, tweak ...func(*Options)) *Store {
	t.Helper()
	opts := testServer(t)
	for _, f := range tweak {
		f(&opts)
	}
	ctx := context.Background()
	s, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("open %s: %v", opts.URI, err)
	}
	t.Cleanup(func() { s.Close() })
	if _, done := wiped.LoadOrStore(t, true); !done {
		wipe(t, s)
		t.Cleanup(func() { wiped.Delete(t) })
	}
	return s
}

// wipe deletes every node and relationship, in batches so that a large
// benchmark graph does not need one huge transaction.
func wipe(t testing.TB, s *Store) {
	t.Helper()
	ctx := context.Background()
	// Relationships first: a state cited by thousands of readouts would
	// make a batch of DETACH DELETEs too large for the server's memory.
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		if err := s.autoCommit(ctx, q, nil); err != nil {
			t.Fatalf("wipe: %v", err)
		}
	}
}

func mustMigrate(t testing.TB, s graph.Store) {
	t.Helper()
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}
