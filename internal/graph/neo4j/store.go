// Package neo4j is the graph store backed by a Neo4j 5 server, reached over
// Bolt with the official Go driver. It keeps exactly the semantics of the
// embedded store (the conformance suite compares them) and adds what only a
// Cypher database can do: canned analyst queries kept as .cypher files and
// read-only ad hoc Cypher.
//
// Labels, relationship types and property keys in every statement come from
// the schema package's constants; values always travel as parameters.
package neo4j

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

var _ graph.Store = (*Store)(nil)

// Options configure a Store. Only URI is required; the zero value of every
// other field means a sensible default.
type Options struct {
	// URI is the server's address: bolt://, neo4j://, bolt+s://, neo4j+s://
	// (+ssc trusts a self-signed certificate). Credentials written into the
	// URI (user:password@host) are taken out of it, used when Password is
	// empty, and never echoed.
	URI string
	// User and Password authenticate; with no password the driver connects
	// without authentication (a server with auth disabled).
	User     string
	Password string
	// Database is the database to use; empty means the server's default.
	Database string
	// BatchSize is the most rows one UNWIND statement writes (default 5000).
	BatchSize int
	// PerRow writes every node and edge as its own auto-commit statement,
	// outside any transaction. It exists only so that the benchmark can
	// compare the naive way with batching: a failure leaves a partial write.
	PerRow bool
	// ReadOnly opens the store for queries: Open fails with graph.ErrNoGraph
	// when Migrate never ran on the database, and every statement runs in a
	// read session, so the server refuses writes.
	ReadOnly bool
	// RetryTime bounds how long a transaction is retried after transient and
	// connection failures before the error is returned (default 30s).
	RetryTime time.Duration
	// ConnectTimeout bounds connecting: the socket, the Bolt handshake and
	// waiting for a pooled connection (default 5s). Open gives up after it
	// on a server that accepts and never answers.
	ConnectTimeout time.Duration
	// TxTimeout bounds each transaction, retries included: the client
	// stops waiting after it, and the server is told to give up too
	// (default 2m).
	TxTimeout time.Duration
}

// DefaultBatchSize is the number of rows an UNWIND statement carries when
// Options.BatchSize is not set.
const DefaultBatchSize = 5000

// Store is a graph held by a Neo4j server. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	opts   Options
	where  string // the URI without credentials, for messages

	mu  sync.Mutex // guards adj
	adj *adjacency // the shape of the graph Path searches, cached
}

// Open connects to the server and checks that the database answers. It does
// not create the schema: that is Migrate's job, which ingest calls.
func Open(ctx context.Context, opts Options) (*Store, error) {
	target, err := parseURI(opts.URI)
	if err != nil {
		return nil, err
	}
	if opts.Password == "" && target.password != "" {
		opts.User, opts.Password = target.user, target.password
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.RetryTime <= 0 {
		opts.RetryTime = 30 * time.Second
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.TxTimeout <= 0 {
		opts.TxTimeout = DefaultTxTimeout
	}
	auth := neo4j.NoAuth()
	if opts.Password != "" {
		auth = neo4j.BasicAuth(opts.User, opts.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(target.uri, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = opts.RetryTime
		c.SocketConnectTimeout = opts.ConnectTimeout
		c.ConnectionAcquisitionTimeout = opts.ConnectTimeout
		c.UserAgent = "diplograph"
	})
	if err != nil {
		return nil, fmt.Errorf("%w: neo4j at %s: %s", graph.ErrUnavailable, target.uri, redact(err.Error(), opts.Password))
	}
	s := &Store{driver: driver, opts: opts, where: target.uri}
	if err := s.check(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Defaults of Options' timeouts.
const (
	DefaultConnectTimeout = 5 * time.Second
	DefaultTxTimeout      = 2 * time.Minute
)

// check verifies that the server answers, accepts the credentials and has
// the database, and, read-only, that the graph's schema is there.
//
// Connecting (socket, handshake, credentials) must finish within the
// connect timeout: a server that accepts connections and never answers
// (frozen, or not a Bolt server) would otherwise keep the command waiting
// for ever. The two statements after it are transactions like any other,
// bounded by the transaction timeout: a freshly started server may take
// seconds over its first queries.
func (s *Store) check(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, s.opts.ConnectTimeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.openError(s.timedOut(parent, ctx, s.opts.ConnectTimeout, err))
	}
	if _, err := s.read(parent, "RETURN 1", nil); err != nil {
		return s.openError(err)
	}
	if !s.opts.ReadOnly {
		return nil
	}
	t, err := s.read(parent, "SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN name", map[string]any{"name": readoutConstraint()})
	if err != nil {
		return s.openError(err)
	}
	if len(t.Rows) == 0 {
		return fmt.Errorf("neo4j at %s: %w", s.where, graph.ErrNoGraph)
	}
	return nil
}

// Close releases the driver's connections, waiting at most the connect
// timeout for a server that no longer answers.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.ConnectTimeout)
	defer cancel()
	return s.driver.Close(ctx)
}

// tx bounds one transaction: its context ends after the transaction
// timeout, and the configurer tells the server the same bound.
func (s *Store) tx(ctx context.Context) (context.Context, context.CancelFunc, func(*neo4j.TransactionConfig)) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.TxTimeout)
	return ctx, cancel, neo4j.WithTxTimeout(s.opts.TxTimeout)
}

// timedOut turns the failure of a call made under bounded, a context
// derived from parent with timeout d, into one line when it was the bound
// that ended it. When parent itself ended (an interrupt), that is the
// error, so that the command reports the interrupt and not the server.
func (s *Store) timedOut(parent, bounded context.Context, d time.Duration, err error) error {
	switch {
	case err == nil:
		return nil
	case parent.Err() != nil:
		return parent.Err()
	case bounded.Err() != nil:
		return fmt.Errorf("%w: neo4j at %s: no answer within %s", graph.ErrUnavailable, s.where, d)
	}
	return err
}

// session opens a session on the configured database. Reads go to a read
// session, which the server refuses to let write.
func (s *Store) session(ctx context.Context, write bool) neo4j.SessionWithContext {
	mode := neo4j.AccessModeRead
	if write && !s.opts.ReadOnly {
		mode = neo4j.AccessModeWrite
	}
	return s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.opts.Database})
}

// read runs one statement in a managed read transaction and collects it.
func (s *Store) read(parent context.Context, cypher string, params map[string]any) (*result, error) {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	sess := s.session(ctx, false)
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, cypher, params)
	}, bound)
	if err != nil {
		return nil, s.translate(s.timedOut(parent, ctx, s.opts.TxTimeout, err))
	}
	return out.(*result), nil
}

// result is a statement's answer as the driver gave it.
type result struct {
	Keys []string
	Rows [][]any
}

func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (*result, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := res.Keys()
	if err != nil {
		return nil, err
	}
	out := &result{Keys: keys}
	for _, r := range recs {
		out.Rows = append(out.Rows, r.Values)
	}
	return out, nil
}
