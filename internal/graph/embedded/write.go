package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

var _ graph.BatchWriter = (*Store)(nil)

// WriteReadout stores a readout's facts in one transaction. An earlier
// version of the readout (same id, or same origin with other content) is
// removed first, with every node that only it referred to; a document whose
// facts are already stored changes nothing.
func (s *Store) WriteReadout(ctx context.Context, doc graph.Document) (graph.WriteStatus, error) {
	st, errs, err := s.WriteReadouts(ctx, []graph.Document{doc})
	if err != nil {
		return 0, err
	}
	return st[0], errs[0]
}

// ReadoutsPerTransaction is how many readouts an ingest should write in
// one transaction. A transaction writes every page it changed to the WAL
// once, however often it changed it, and the pages of the node indexes
// change in every readout: on 100,000 world-shaped readouts (layout 4),
// 1,024 a transaction ingested at 1,790 readouts/s, 256 at 1,530 and
// 4,096 at 1,860, holding 30 MB more.
func (s *Store) ReadoutsPerTransaction() int { return 1024 }

// WriteReadouts stores several readouts in one transaction, so that the
// commit's cost is paid once per batch. A readout that fails is rolled
// back alone and the rest commit together: the batch is written first as
// it comes, and only if a readout fails, written again with each readout
// in a savepoint of its own (two statements a readout that nearly every
// batch can do without).
func (s *Store) WriteReadouts(ctx context.Context, docs []graph.Document) ([]graph.WriteStatus, []error, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	statuses, errs, err := s.writeBatch(ctx, docs, false)
	if errors.Is(err, errRetryAlone) {
		statuses, errs, err = s.writeBatch(ctx, docs, true)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("write %d readouts: %w", len(docs), err)
	}
	return statuses, errs, nil
}

// errRetryAlone rolls back a batch written without savepoints in which a
// readout failed.
var errRetryAlone = errors.New("a readout failed: write each in a savepoint")

// writeBatch writes docs in one transaction, each in a savepoint of its own
// when alone is set; without, a readout that fails rolls everything back
// with errRetryAlone.
func (s *Store) writeBatch(ctx context.Context, docs []graph.Document, alone bool) ([]graph.WriteStatus, []error, error) {
	statuses := make([]graph.WriteStatus, len(docs))
	errs := make([]error, len(docs))
	changed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w := &wtx{ctx: ctx, tx: tx, known: s.known, cites: map[string]int64{}, fresh: map[int64]bool{}}
		var version int64
		if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
			return err
		}
		w.known.trust(version)
		for i, doc := range docs {
			if alone {
				if _, err := w.exec(`SAVEPOINT readout`); err != nil {
					return err
				}
			}
			st, err := writeDocument(w, doc)
			if err != nil && !alone {
				return errRetryAlone
			}
			if err != nil {
				if _, rerr := w.exec(`ROLLBACK TO readout`); rerr != nil {
					return rerr
				}
				// Both may hold numbers the rollback took back.
				w.known.forget()
				clear(w.cites)
				errs[i] = fmt.Errorf("write readout %s: %w", doc.Readout.ID, translate(err))
			}
			if alone {
				if _, err := w.exec(`RELEASE readout`); err != nil {
					return err
				}
			}
			statuses[i] = st
			changed = changed || (errs[i] == nil && st != graph.Unchanged)
		}
		if changed {
			// The saved adjacency no longer matches the edges.
			if _, err := w.exec(`DELETE FROM adjacency`); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.known.forget() // it may hold nodes the rollback took back
		return nil, nil, err
	}
	if changed {
		s.mu.Lock()
		s.wrote++
		s.mu.Unlock()
	}
	return statuses, errs, nil
}

// writeDocument replaces one readout's facts inside a transaction.
func writeDocument(w *wtx, doc graph.Document) (graph.WriteStatus, error) {
	clear(w.fresh)
	p := planOf(doc)
	id, origin, fp := p.id, p.origin, p.fp
	old, same, err := previousVersions(w, id, origin, fp)
	if err != nil || same {
		return graph.Unchanged, err
	}
	status := graph.Created
	if len(old) > 0 {
		status = graph.Replaced
	}
	touched, err := removeReadouts(w, old)
	if err != nil {
		return 0, err
	}
	if err := storeReadout(w, id, origin, fp); err != nil {
		return 0, err
	}
	if err := insertDocument(w, p); err != nil {
		return 0, err
	}
	return status, removeOrphans(w, touched)
}

// previousVersions finds stored readouts this document replaces (same id,
// or same origin when it names one), and whether exactly this document is
// stored already. It notes the readout's number if another readout's edge
// cited it before it is stored.
func previousVersions(w *wtx, id, origin, fp string) ([]string, bool, error) {
	rows, err := w.query(`SELECT n, id, coalesce(origin, ''), fingerprint FROM readouts WHERE id = ?1 OR (origin = ?2 AND ?2 != '')`, id, origin)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var old []string
	for rows.Next() {
		var n int64
		var rid, rsrc string
		var rfp sql.NullString
		if err := rows.Scan(&n, &rid, &rsrc, &rfp); err != nil {
			return nil, false, err
		}
		switch {
		case !rfp.Valid: // cited, not stored
			w.cites[rid] = n
		case rid == id && rsrc == origin && rfp.String == fp:
			return nil, true, nil
		default:
			old = append(old, rid)
		}
	}
	return old, false, rows.Err()
}

// removeReadouts deletes stored readouts and every edge that cites them,
// returning the numbers of the nodes those edges touched.
func removeReadouts(w *wtx, ids []string) ([]int64, error) {
	var touched []int64
	for _, id := range ids {
		c, err := w.number(`SELECT n FROM readouts WHERE id = ?`, id)
		if err != nil {
			return nil, err
		}
		for _, q := range []string{`SELECT src FROM edges WHERE readout = ?1 UNION ALL SELECT dst FROM edges WHERE readout = ?1`,
			`SELECT node FROM mentions WHERE readout = ?`} {
			if touched, err = w.appendNumbers(touched, q, c); err != nil {
				return nil, err
			}
		}
		for _, q := range []string{
			`DELETE FROM edges WHERE readout = ?`,
			`DELETE FROM mentions WHERE readout = ?`,
			`DELETE FROM evidence WHERE readout = ?`,
			`DELETE FROM readouts WHERE n = ?`,
		} {
			if _, err := w.exec(q, c); err != nil {
				return nil, err
			}
		}
		delete(w.cites, id)
		if touched, err = w.appendNumbers(touched, `SELECT n FROM nodes WHERE key = ?`, schema.Key(schema.Readout, id)); err != nil {
			return nil, err
		}
	}
	return touched, nil
}

// storeReadout records a readout as stored, with where it came from and
// the fingerprint of its facts: a new row, numbered now, unless an edge of
// another readout cited it before (previousVersions noted its number).
func storeReadout(w *wtx, id, origin, fp string) error {
	if n, ok := w.cites[id]; ok {
		_, err := w.exec(`UPDATE readouts SET origin = ?, fingerprint = ? WHERE n = ?`, origin, fp, n)
		return err
	}
	n, err := w.number(`INSERT INTO readouts(id, origin, fingerprint) VALUES (?, ?, ?) RETURNING n`, id, origin, fp)
	if err != nil {
		return err
	}
	w.cites[id], w.fresh[n] = n, true
	return nil
}

// rowsPerInsert bounds a multi-row INSERT: SQLite binds at most 32,766
// parameters, and fewer, larger statements cut the per-statement cost that
// dominates a pure-Go SQLite.
const rowsPerInsert = 64

func insertDocument(w *wtx, p *plan) error {
	numbers, err := storeNodes(w, p.nodes)
	if err != nil {
		return err
	}
	ends := func(e graph.Edge) (from, to, cite int64, err error) {
		if from, err = w.node(numbers, e.From); err == nil {
			if to, err = w.node(numbers, e.To); err == nil {
				cite, err = w.cite(e.Readout)
			}
		}
		if err != nil {
			err = fmt.Errorf("%s %s-%s: %w", e.Type, e.From, e.To, err)
		}
		return from, to, cite, err
	}
	mentioned := make([]any, 0, 2*len(p.mentions))
	for _, e := range p.mentions {
		_, to, cite, err := ends(graph.Edge{Type: e.Type, From: p.nodes[0].key, To: e.To, Readout: e.Readout})
		if err != nil {
			return err
		}
		mentioned = append(mentioned, cite, to)
	}
	for start := 0; start < len(mentioned); start += 2 * rowsPerInsert {
		chunk := mentioned[start:min(start+2*rowsPerInsert, len(mentioned))]
		if _, err := w.exec(`INSERT OR IGNORE INTO mentions(readout, node) VALUES `+placeholders(len(chunk)/2, 2), chunk...); err != nil {
			return err
		}
	}
	evidence, err := storeEvidence(w, p.id, p.cited)
	if err != nil {
		return err
	}
	rows := make([]any, 0, 7*len(p.cited))
	for i, e := range p.cited {
		from, to, cite, err := ends(e)
		if err != nil {
			return err
		}
		rows = append(rows, string(e.Type), from, to, cite, e.Date, evidence[e.Readout][e.Evidence], p.citedProps[i])
	}
	return insertEdges(w, rows)
}

// insertEdges stores a document's edges, given as rows of (type, src,
// dst, readout, date, ev, props) and each once within the document (its
// plan saw to that): one already stored citing a readout this document
// did not number is left out. A unique index would say so too, but it held
// the edge's whole properties and cost the writer a tenth of its time and
// the file a quarter of its size, for a check that only a readout cited
// before it is stored can need.
func insertEdges(w *wtx, rows []any) error {
	const width = 7
	kept := rows[:0]
	for i := 0; i < len(rows); i += width {
		row := rows[i : i+width]
		if !w.fresh[row[3].(int64)] {
			_, err := w.number(`SELECT 1 FROM edges WHERE readout = ?4 AND type = ?1 AND src = ?2 AND dst = ?3 AND props = ?5`,
				row[0], row[1], row[2], row[3], row[6])
			if err == nil {
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		kept = append(kept, row...)
	}
	for start := 0; start < len(kept); start += width * rowsPerInsert {
		chunk := kept[start:min(start+width*rowsPerInsert, len(kept))]
		q := `INSERT INTO edges(type, src, dst, readout, date, ev, props) VALUES ` + placeholders(len(chunk)/width, width)
		if _, err := w.exec(q, chunk...); err != nil {
			return err
		}
	}
	return nil
}

// storeNodes writes the nodes the file does not already hold as they are
// (a node's name is replaced, its properties merged), and returns every
// node's number by key.
func storeNodes(w *wtx, nodes []plannedNode) (map[string]int64, error) {
	numbers := make(map[string]int64, len(nodes))
	var todo []plannedNode
	for _, n := range nodes {
		if num, ok := w.known.unchanged(n.key, n.name, n.propsJSON); ok {
			numbers[n.key] = num
			continue
		}
		todo = append(todo, n)
	}
	for start := 0; start < len(todo); start += rowsPerInsert {
		chunk := todo[start:min(start+rowsPerInsert, len(todo))]
		args := make([]any, 0, 5*len(chunk))
		for _, n := range chunk {
			args = append(args, n.key, n.label, n.id, n.name, n.propsJSON)
		}
		rows, err := w.query(`INSERT INTO nodes(key, label, id, name, props) VALUES `+placeholders(len(chunk), 5)+`
			ON CONFLICT(key) DO UPDATE SET name = excluded.name, props = json_patch(nodes.props, excluded.props)
			RETURNING n, key`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var num int64
			var key string
			if err := rows.Scan(&num, &key); err != nil {
				rows.Close()
				return nil, err
			}
			numbers[key] = num
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
		for _, n := range chunk {
			if schema.Label(n.label) != schema.Readout {
				w.known.put(n.key, numbers[n.key], n.name, n.propsJSON)
			}
		}
	}
	return numbers, nil
}

// storeEvidence stores the evidence sentences of a document's edges under
// the readouts the edges cite, and returns each sentence's number by cited
// readout. Evidence is kept by the readout an edge cites because the edge
// goes when that readout is replaced, and its evidence must go with it.
func storeEvidence(w *wtx, own string, edges []graph.Edge) (map[string]map[string]int, error) {
	numbers := map[string]map[string]int{own: evidenceNumbers(edges, own)}
	c, err := w.cite(own)
	if err != nil {
		return nil, err
	}
	if err := insertEvidence(w, c, numbers[own]); err != nil {
		return nil, err
	}
	for _, e := range edges {
		if _, done := numbers[e.Readout]; done {
			continue
		}
		nums, err := borrowedEvidence(w, e.Readout, edges)
		if err != nil {
			return nil, err
		}
		numbers[e.Readout] = nums
	}
	return numbers, nil
}

// evidenceNumbers numbers the distinct evidence sentences of the edges that
// cite readout from 1; 0 stands for none. A document's own readout has no
// evidence stored before this (an earlier version's went with it), so its
// numbers start afresh.
func evidenceNumbers(edges []graph.Edge, readout string) map[string]int {
	nums := map[string]int{"": 0}
	for _, e := range edges {
		if _, ok := nums[e.Evidence]; !ok && e.Readout == readout {
			nums[e.Evidence] = len(nums)
		}
	}
	return nums
}

// borrowedEvidence numbers and stores the evidence of the edges a document
// writes for another readout, which may hold evidence already: its own
// sentences are numbered from 1 when it is written, so borrowed ones take
// numbers below zero, after any stored, and a sentence stored already keeps
// its number.
func borrowedEvidence(w *wtx, readout string, edges []graph.Edge) (map[string]int, error) {
	c, err := w.cite(readout)
	if err != nil {
		return nil, err
	}
	nums := map[string]int{"": 0}
	lowest := 0
	rows, err := w.query(`SELECT n, text FROM evidence WHERE readout = ?`, c)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n int
		var text string
		if err := rows.Scan(&n, &text); err != nil {
			rows.Close()
			return nil, err
		}
		nums[text], lowest = n, min(lowest, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, e := range edges {
		if _, ok := nums[e.Evidence]; ok || e.Readout != readout {
			continue
		}
		lowest--
		nums[e.Evidence] = lowest
		if _, err := w.exec(`INSERT INTO evidence(readout, n, text) VALUES (?, ?, ?)`, c, lowest, e.Evidence); err != nil {
			return nil, err
		}
	}
	return nums, nil
}

func insertEvidence(w *wtx, readout int64, nums map[string]int) error {
	args := make([]any, 0, 3*len(nums))
	rows := 0
	for text, n := range nums {
		if n == 0 {
			continue
		}
		args = append(args, readout, n, text)
		rows++
		if rows == rowsPerInsert {
			if _, err := w.exec(`INSERT INTO evidence(readout, n, text) VALUES `+placeholders(rows, 3), args...); err != nil {
				return err
			}
			args, rows = args[:0], 0
		}
	}
	if rows == 0 {
		return nil
	}
	_, err := w.exec(`INSERT INTO evidence(readout, n, text) VALUES `+placeholders(rows, 3), args...)
	return err
}

// placeholders writes "(?, ?), (?, ?)" for rows of width parameters.
func placeholders(rows, width int) string {
	row := "(" + strings.Repeat("?, ", width-1) + "?)"
	return strings.Repeat(row+", ", rows-1) + row
}

// removeOrphans deletes the nodes among numbers that nothing refers to
// any more: no edge, no mention, and for a readout's node, no stored
// readout.
func removeOrphans(w *wtx, numbers []int64) error {
	seen := map[int64]bool{}
	for _, n := range numbers {
		if seen[n] {
			continue
		}
		seen[n] = true
		rows, err := w.query(`DELETE FROM nodes WHERE n = ?1
			AND NOT EXISTS (SELECT 1 FROM edges WHERE src = ?1)
			AND NOT EXISTS (SELECT 1 FROM edges WHERE dst = ?1)
			AND NOT EXISTS (SELECT 1 FROM mentions WHERE node = ?1)
			AND NOT (label = ?2 AND EXISTS (SELECT 1 FROM readouts WHERE id = nodes.id AND fingerprint IS NOT NULL))
			RETURNING key`, n, string(schema.Readout))
		if err != nil {
			return err
		}
		for rows.Next() {
			var key string
			if err := rows.Scan(&key); err != nil {
				rows.Close()
				return err
			}
			w.known.drop(key)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
	}
	return nil
}

func propsJSON(p map[string]string) string {
	if len(p) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// wtx is a write transaction that prepares each statement once: preparing
// is a tenth of a pure-Go SQLite's write cost, and a batch runs the same few
// statements (and multi-row variants) for every readout. The statements
// belong to the transaction and close with it.
type wtx struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	known *knownNodes
	cites map[string]int64 // readout numbers looked up in this transaction
	fresh map[int64]bool   // readout numbers the document being written gave
}

func (w *wtx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[q] = st
	return st, nil
}

func (w *wtx) exec(q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

func (w *wtx) query(q string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

// number runs a query of one number; sql.ErrNoRows when it finds none.
func (w *wtx) number(q string, args ...any) (int64, error) {
	st, err := w.stmt(q)
	if err != nil {
		return 0, err
	}
	var n int64
	err = st.QueryRowContext(w.ctx, args...).Scan(&n)
	return n, err
}

// appendNumbers appends what a query of numbers finds.
func (w *wtx) appendNumbers(out []int64, q string, args ...any) ([]int64, error) {
	rows, err := w.query(q, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, n)
	}
	return out, closeRows(rows)
}

// cite returns the number edges, mentions and evidence citing a readout
// refer to it by, numbering it if it is cited for the first time; nothing
// can cite a number the document being written gave (fresh) but that
// document.
func (w *wtx) cite(readout string) (int64, error) {
	if n, ok := w.cites[readout]; ok {
		return n, nil
	}
	n, err := w.number(`SELECT n FROM readouts WHERE id = ?`, readout)
	if errors.Is(err, sql.ErrNoRows) {
		if n, err = w.number(`INSERT INTO readouts(id) VALUES (?) RETURNING n`, readout); err == nil {
			w.fresh[n] = true
		}
	}
	if err != nil {
		return 0, err
	}
	w.cites[readout] = n
	return n, nil
}

// node returns the number of the node at key: one the document stored, or
// one the file holds already.
func (w *wtx) node(stored map[string]int64, key string) (int64, error) {
	if n, ok := stored[key]; ok {
		return n, nil
	}
	n, err := w.number(`SELECT n FROM nodes WHERE key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("node %s is neither in the readout nor stored: %w", key, graph.ErrNotFound)
	}
	return n, err
}

// closeRows closes rows and reports what went wrong reading them.
func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}
