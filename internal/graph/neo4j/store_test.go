package neo4j

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// closedPort is a local port nothing listens on.
const closedPort = "bolt://127.0.0.1:1"

func TestOpenUnreachableNeverEchoesThePassword(t *testing.T) {
	const secret = "s3cret-Pa55word"
	cases := []Options{
		{URI: closedPort, User: "neo4j", Password: secret},
		{URI: "bolt://alice:" + secret + "@127.0.0.1:1"},
		{URI: "neo4j+s://alice:" + secret + "@127.0.0.1:1"},
	}
	for _, opts := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		s, err := Open(ctx, opts)
		cancel()
		if err == nil {
			s.Close()
			t.Fatalf("open %s: no error", closedPort)
		}
		if !errors.Is(err, graph.ErrUnavailable) {
			t.Errorf("error %v does not wrap ErrUnavailable", err)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error echoes the password: %v", err)
		}
		if !strings.Contains(err.Error(), "unreachable") || !strings.Contains(err.Error(), "127.0.0.1:1") {
			t.Errorf("error does not say which server is unreachable: %v", err)
		}
		if strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("error is not one line: %q", err)
		}
	}
}

func TestOpenRejectsBadURIs(t *testing.T) {
	for _, uri := range []string{"", "http://127.0.0.1:7474", "localhost:7687", "bolt://bob:hunter2@[::1"} {
		_, err := Open(context.Background(), Options{URI: uri})
		if !errors.Is(err, graph.ErrUnavailable) {
			t.Errorf("open %q: %v, want ErrUnavailable", uri, err)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("open %q echoes the password: %v", uri, err)
		}
	}
}

func TestParseURIMovesCredentialsOut(t *testing.T) {
	got, err := parseURI("neo4j+s://alice:pw%40x@db.example.org:7687/x")
	if err != nil {
		t.Fatal(err)
	}
	if got.uri != "neo4j+s://db.example.org:7687/x" || got.user != "alice" || got.password != "pw@x" {
		t.Errorf("parseURI = %+v", got)
	}
}

func TestTranslateAuthFailure(t *testing.T) {
	s := &Store{opts: Options{User: "alice", Password: "hunter2"}, where: "bolt://db:7687"}
	err := s.openError(&neo4j.Neo4jError{Code: codeUnauthorized, Msg: "The client is unauthorized due to authentication failure."})
	if !errors.Is(err, graph.ErrUnavailable) || !strings.Contains(err.Error(), `authentication failed for user "alice"`) {
		t.Errorf("auth failure: %v", err)
	}
	for _, cause := range []error{
		&neo4j.ConnectivityError{Inner: errors.New("connection reset by peer")},
		&neo4j.Neo4jError{Code: codeDatabaseDown, Msg: "database is shutting down"},
	} {
		limit := &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{cause}}
		if err := s.translate(limit); !errors.Is(err, graph.ErrUnavailable) {
			t.Errorf("retries exhausted on %v: %v, want ErrUnavailable", cause, err)
		}
	}
	if err := s.translate(&neo4j.Neo4jError{Code: codeAccessMode, Msg: "Writing in read access mode not allowed"}); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("access mode: %v", err)
	}
	err = s.translate(errors.New("driver said hunter2"))
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("translate echoes the password: %v", err)
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	opts := testServer(t)
	opts.Database = "nosuchdb"
	s, err := Open(context.Background(), opts)
	if err == nil {
		s.Close()
		t.Fatal("open of a missing database succeeded")
	}
	if !errors.Is(err, graph.ErrUnavailable) || !strings.Contains(err.Error(), `database "nosuchdb" does not exist`) {
		t.Errorf("open nosuchdb: %v", err)
	}
}

func TestMigrateIsIdempotentAndCreatesTheSchema(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	mustMigrate(t, s)
	ctx := context.Background()
	names := func(q string) map[string]bool {
		tab, err := s.ReadCypher(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, r := range tab.Rows {
			out[r[0].(string)] = true
		}
		return out
	}
	constraints := names("SHOW CONSTRAINTS YIELD name RETURN name")
	for _, c := range schema.Constraints {
		if !constraints[c.Name] {
			t.Errorf("constraint %s missing", c.Name)
		}
	}
	indexes := names("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")
	for _, ix := range schema.Indexes {
		if !indexes[ix.Name] {
			t.Errorf("index %s missing or not online", ix.Name)
		}
	}
	for _, rt := range schema.RelTypes {
		if !indexes[relIndexName(rt)] {
			t.Errorf("index %s missing or not online", relIndexName(rt))
		}
	}
}

func TestReadOnlyStore(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.autoCommit(ctx, "DROP CONSTRAINT "+readoutConstraint()+" IF EXISTS", nil); err != nil {
		t.Fatal(err)
	}
	opts := testServer(t)
	opts.ReadOnly = true
	if ro, err := Open(ctx, opts); !errors.Is(err, graph.ErrNoGraph) {
		if err == nil {
			ro.Close()
		}
		t.Fatalf("read-only open before migrate: %v, want ErrNoGraph", err)
	}
	mustMigrate(t, s)
	ro, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	doc := fixtureDocs(t)[0]
	if _, err := ro.WriteReadout(ctx, doc); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("write through a read-only store: %v, want ErrReadOnly", err)
	}
	if err := ro.Migrate(ctx); err == nil {
		t.Error("migrate through a read-only store succeeded")
	}
	if st, _ := s.Stats(ctx); st.TotalNodes() != 0 {
		t.Errorf("read-only store wrote %d nodes", st.TotalNodes())
	}
}
