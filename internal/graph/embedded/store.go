// Package embedded is the zero-set-up graph store: one SQLite database file
// (through a pure-Go driver, so no C toolchain or server is needed), nodes
// and readouts referred to by number, readouts written a batch to a
// transaction by one writer, and path queries answered over an in-memory
// adjacency (graph.Adjacency), saved in the file at the end of an ingest
// and read again when the file changes.
package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ graph.Store = (*Store)(nil)

// Options configure a Store. The zero value is usable.
type Options struct {
	// ReadOnly opens the file for queries only: nothing is created, and a
	// missing file is graph.ErrNoGraph.
	ReadOnly bool
	// BusyTimeout is how long a write waits for another process's write
	// transaction to finish before failing with graph.ErrLocked (default 5s).
	BusyTimeout time.Duration
}

// Store is a graph in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	opts Options

	mu    sync.Mutex // guards adj and wrote
	adj   *adjacency
	wrote int64 // bumped by every write through this Store, to invalidate adj

	wmu   sync.Mutex  // held by each write of readouts, for known
	known *knownNodes // what the file holds for nodes this Store wrote

	smu   sync.Mutex // guards stmts
	stmts map[string]*sql.Stmt
}

// prepared returns the statement of a query, prepared the first time it is
// asked for: parsing and planning cost a pure-Go SQLite more than running
// the indexed lookups a path is made of.
func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	s.smu.Lock()
	defer s.smu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, translate(err)
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[q] = st
	return st, nil
}

// Open opens (or, unless read-only, creates) the store at path. It does not
// create the schema: that is Migrate's job, which ingest calls.
func Open(path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open %s: %w", path, graph.ErrNoGraph)
		}
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	// Read-only, the journal mode is left as the file has it: WAL is a
	// property of the file, which ingest set, and asking for it on a file
	// not yet switched (an ingest killed just after creating it) is a
	// write, which a read-only connection fails.
	//
	// A writer keeps its temporary tables (RETURNING, statement journals:
	// small) in memory; a reader leaves them to files, as a sort over
	// every edge of a large store (stats by year) would hold gigabytes.
	mode, journal := "rwc", "&_pragma=journal_mode(WAL)&_pragma=temp_store(MEMORY)"
	if opts.ReadOnly {
		mode, journal = "ro", ""
	}
	dsn := fmt.Sprintf("file:%s?mode=%s&_pragma=busy_timeout(%d)%s&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(16384)&_txlock=immediate",
		path, mode, opts.BusyTimeout.Milliseconds(), journal)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One writer connection keeps SQLite's single-writer rule inside the
	// process; WAL lets readers in other processes see the last commit.
	db.SetMaxOpenConns(1)
	if err := connect(db, opts.BusyTimeout); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, translate(err))
	}
	s := &Store{db: db, path: path, opts: opts, known: newKnownNodes()}
	if opts.ReadOnly {
		ok, err := s.hasSchema(context.Background())
		if err == nil && !ok {
			err = graph.ErrNoGraph
		}
		if err == nil {
			err = s.checkVersion(context.Background())
		}
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	return s, nil
}

// connect opens the first connection, which sets the journal to WAL. Two
// processes opening a new file together can both hold a read lock while
// each wants the write lock to change the journal; SQLite then answers one
// of them "busy" at once instead of calling the busy handler, since waiting
// could deadlock. That one lets go and tries again, within busyTimeout.
func connect(db *sql.DB, busyTimeout time.Duration) error {
	deadline := time.Now().Add(busyTimeout)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 100*time.Millisecond) {
		err := db.Ping()
		if err == nil || !errors.Is(translate(err), graph.ErrLocked) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(pause)
	}
}

// Close closes the database.
func (s *Store) Close() error {
	s.smu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.smu.Unlock()
	return s.db.Close()
}

// File is the database file.
func (s *Store) File() string { return s.path }

// schemaVersion is the layout of the tables. A file of another version is
// refused rather than misread.
const schemaVersion = 5

// ErrVersion is returned for a store file written with another table layout.
var ErrVersion = errors.New("store file has another layout: ingest again into a new file")

// checkVersion refuses a file whose recorded layout is not this one.
func (s *Store) checkVersion(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows) || (err != nil && strings.Contains(err.Error(), "no such table")):
		return nil // a new file
	case err != nil:
		return translate(err)
	case v != fmt.Sprint(schemaVersion):
		return fmt.Errorf("layout %s, this version reads %d: %w", v, schemaVersion, ErrVersion)
	}
	return nil
}

// Migrate creates the tables and the indexes that enforce schema.Constraints.
func (s *Store) Migrate(ctx context.Context) error {
	if err := s.checkVersion(ctx); err != nil {
		return err
	}
	stmts := []string{
		`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		// Every other table refers to a node by its number n, not its key:
		// an index entry of two numbers and a date is a tenth of one of two
		// keys, so the indexes stay in the page cache as the graph grows,
		// and a readout numbered as it is first stored (see readouts) makes
		// every table keyed by readout grow at its end instead of at random.
		`CREATE TABLE IF NOT EXISTS nodes (
			n INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, id TEXT NOT NULL,
			name TEXT NOT NULL, props TEXT NOT NULL DEFAULT '{}')`,
		// readout and ev cite the readout (its number in readouts) and
		// its evidence sentence.
		`CREATE TABLE IF NOT EXISTS edges (
			type TEXT NOT NULL, src INTEGER NOT NULL, dst INTEGER NOT NULL, readout INTEGER NOT NULL,
			date TEXT NOT NULL DEFAULT '', ev INTEGER NOT NULL DEFAULT 0, props TEXT NOT NULL DEFAULT '{}')`,
		// A readout's edges, for replacing them; an edge is stored once
		// (see insertEdges). The other two serve the questions: all of a
		// node's edges, and the latest edge between two nodes.
		`CREATE INDEX IF NOT EXISTS edges_readout ON edges(readout)`,
		`CREATE INDEX IF NOT EXISTS edges_src ON edges(src, dst, date)`,
		`CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, src, date)`,
		// MENTIONS edges carry no citation of their own: a slim table of
		// their own keeps the edges table (and its indexes) to cited facts.
		`CREATE TABLE IF NOT EXISTS mentions (readout INTEGER NOT NULL, node INTEGER NOT NULL,
			PRIMARY KEY (readout, node)) WITHOUT ROWID`,
		`CREATE INDEX IF NOT EXISTS mentions_node ON mentions(node)`,
		// A readout's evidence sentences, stored once each: several edges
		// cite the same sentence, and an edge refers to it by number.
		`CREATE TABLE IF NOT EXISTS evidence (readout INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL,
			PRIMARY KEY (readout, n)) WITHOUT ROWID`,
		// Every readout an edge cites or the store holds, numbered as
		// first cited: a readout is cited first by its own facts, as it is
		// stored, unless another readout's edge cited it before. A stored
		// readout has the fingerprint of its facts and where it came from;
		// one only cited has neither.
		`CREATE TABLE IF NOT EXISTS readouts (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
			origin TEXT, fingerprint TEXT)`,
		`CREATE INDEX IF NOT EXISTS readouts_origin ON readouts(origin)`,
		// The adjacency paths search, encoded (graph.Adjacency), saved by
		// Index at the end of an ingest and removed by every write: a new
		// process reads it instead of every edge.
		`CREATE TABLE IF NOT EXISTS adjacency (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL)`,
	}
	for _, c := range schema.Constraints {
		// A node's key is its label and id, and unique: every constraint
		// on a label's id at once, without an index of its own to keep.
		if c.Property != schema.PropID {
			return fmt.Errorf("migrate: constraint %s is on %s.%s; this store enforces ids only", c.Name, c.Label, c.Property)
		}
	}
	for _, ix := range schema.Indexes {
		if ix.Property == schema.PropName {
			stmts = append(stmts, fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON nodes(name) WHERE label = '%s'`, ix.Name, ix.Label))
		}
	}
	stmts = append(stmts, fmt.Sprintf(`INSERT INTO meta(key, value) VALUES ('schema_version', '%d')
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, schemaVersion))
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("migrate: %w", err)
			}
		}
		return nil
	})
}

func (s *Store) hasSchema(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'edges'`).Scan(&n)
	return n > 0, translate(err)
}

// inTx runs fn in one transaction, committing only if it succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return translate(err)
	}
	return translate(tx.Commit())
}

// translate maps SQLite failures onto the graph package's sentinels.
func translate(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case containsAny(msg, "database is locked", "SQLITE_BUSY"):
		return fmt.Errorf("%w: %v", graph.ErrLocked, err)
	case containsAny(msg, "no such table"):
		return fmt.Errorf("%w: %v", graph.ErrNoGraph, err)
	case containsAny(msg, "file is not a database", "unable to open database"):
		return fmt.Errorf("%w: %v", graph.ErrUnavailable, err)
	}
	return err
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
