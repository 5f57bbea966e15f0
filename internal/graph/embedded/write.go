package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
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

// WriteReadouts stores several readouts in one transaction, each inside a
// savepoint of its own: a readout that fails is rolled back alone and the
// rest commit together, so the commit's cost is paid once per batch.
func (s *Store) WriteReadouts(ctx context.Context, docs []graph.Document) ([]graph.WriteStatus, []error, error) {
	statuses := make([]graph.WriteStatus, len(docs))
	errs := make([]error, len(docs))
	changed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w := &wtx{ctx: ctx, tx: tx}
		for i, doc := range docs {
			if _, err := w.exec(`SAVEPOINT readout`); err != nil {
				return err
			}
			st, err := writeDocument(w, doc)
			if err != nil {
				if _, rerr := w.exec(`ROLLBACK TO readout`); rerr != nil {
					return rerr
				}
				errs[i] = fmt.Errorf("write readout %s: %w", doc.Readout.ID, translate(err))
			}
			if _, err := w.exec(`RELEASE readout`); err != nil {
				return err
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
		return nil, nil, fmt.Errorf("write %d readouts: %w", len(docs), err)
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
	fp := doc.Fingerprint()
	old, same, err := previousVersions(w, doc.Readout.ID, doc.Readout.Prop(schema.PropOrigin), fp)
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
	if err := insertDocument(w, doc, fp); err != nil {
		return 0, err
	}
	return status, removeOrphans(w, touched)
}

// previousVersions finds stored readouts this document replaces (same id,
// or same origin when it names one), and whether exactly this document is
// stored already.
func previousVersions(w *wtx, id, origin, fp string) ([]string, bool, error) {
	rows, err := w.query(`SELECT id, origin, fingerprint FROM readouts WHERE id = ?1 OR (origin = ?2 AND ?2 != '')`, id, origin)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var old []string
	for rows.Next() {
		var rid, rsrc, rfp string
		if err := rows.Scan(&rid, &rsrc, &rfp); err != nil {
			return nil, false, err
		}
		if rid == id && rsrc == origin && rfp == fp {
			return nil, true, nil
		}
		old = append(old, rid)
	}
	return old, false, rows.Err()
}

// removeReadouts deletes readouts and every edge that cites them, returning
// the keys of the nodes those edges touched.
func removeReadouts(w *wtx, ids []string) ([]string, error) {
	var touched []string
	for _, id := range ids {
		rows, err := w.query(`SELECT src, dst FROM edges WHERE readout = ?`, id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var a, b string
			if err := rows.Scan(&a, &b); err != nil {
				rows.Close()
				return nil, err
			}
			touched = append(touched, a, b)
		}
		rows.Close()
		mrows, err := w.query(`SELECT node FROM mentions WHERE readout = ?`, id)
		if err != nil {
			return nil, err
		}
		for mrows.Next() {
			var n string
			if err := mrows.Scan(&n); err != nil {
				mrows.Close()
				return nil, err
			}
			touched = append(touched, n)
		}
		mrows.Close()
		for _, q := range []string{
			`DELETE FROM edges WHERE readout = ?`,
			`DELETE FROM mentions WHERE readout = ?`,
			`DELETE FROM evidence WHERE readout = ?`,
			`DELETE FROM readouts WHERE id = ?`,
		} {
			if _, err := w.exec(q, id); err != nil {
				return nil, err
			}
		}
		touched = append(touched, schema.Key(schema.Readout, id))
	}
	return touched, nil
}

// rowsPerInsert bounds a multi-row INSERT: SQLite binds at most 32,766
// parameters, and fewer, larger statements cut the per-statement cost that
// dominates a pure-Go SQLite.
const rowsPerInsert = 64

func insertDocument(w *wtx, doc graph.Document, fp string) error {
	nodes := append([]graph.Node{doc.Readout}, doc.Nodes...)
	for start := 0; start < len(nodes); start += rowsPerInsert {
		chunk := nodes[start:min(start+rowsPerInsert, len(nodes))]
		args := make([]any, 0, 5*len(chunk))
		for _, n := range chunk {
			args = append(args, n.Key(), string(n.Label), n.ID, n.Name, propsJSON(n.Props))
		}
		q := `INSERT INTO nodes(key, label, id, name, props) VALUES ` + placeholders(len(chunk), 5) + `
			ON CONFLICT(key) DO UPDATE SET name = excluded.name, props = json_patch(nodes.props, excluded.props)
			WHERE nodes.name != excluded.name OR nodes.props != json_patch(nodes.props, excluded.props)`
		if _, err := w.exec(q, args...); err != nil {
			return err
		}
	}
	var cited []graph.Edge
	var mentioned []any
	for _, e := range doc.Edges {
		if e.Type == schema.Mentions {
			mentioned = append(mentioned, e.Readout, e.To)
		} else {
			cited = append(cited, e)
		}
	}
	for start := 0; start < len(mentioned); start += 2 * rowsPerInsert {
		chunk := mentioned[start:min(start+2*rowsPerInsert, len(mentioned))]
		if _, err := w.exec(`INSERT OR IGNORE INTO mentions(readout, node) VALUES `+placeholders(len(chunk)/2, 2), chunk...); err != nil {
			return err
		}
	}
	numbers, err := storeEvidence(w, doc.Readout.ID, cited)
	if err != nil {
		return err
	}
	for start := 0; start < len(cited); start += rowsPerInsert {
		chunk := cited[start:min(start+rowsPerInsert, len(cited))]
		args := make([]any, 0, 7*len(chunk))
		for _, e := range chunk {
			args = append(args, string(e.Type), e.From, e.To, e.Readout, e.Date, numbers[e.Readout][e.Evidence], propsJSON(e.Props))
		}
		q := `INSERT OR IGNORE INTO edges(type, src, dst, readout, date, ev, props) VALUES ` + placeholders(len(chunk), 7)
		if _, err := w.exec(q, args...); err != nil {
			return err
		}
	}
	_, err = w.exec(`INSERT INTO readouts(id, origin, fingerprint) VALUES (?, ?, ?)`,
		doc.Readout.ID, doc.Readout.Prop(schema.PropOrigin), fp)
	return err
}

// storeEvidence stores the evidence sentences of a document's edges under
// the readouts the edges cite, and returns each sentence's number by cited
// readout. Evidence is kept by the readout an edge cites because the edge
// goes when that readout is replaced, and its evidence must go with it.
func storeEvidence(w *wtx, own string, edges []graph.Edge) (map[string]map[string]int, error) {
	numbers := map[string]map[string]int{own: evidenceNumbers(edges, own)}
	if err := insertEvidence(w, own, numbers[own]); err != nil {
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
	nums := map[string]int{"": 0}
	lowest := 0
	rows, err := w.query(`SELECT n, text FROM evidence WHERE readout = ?`, readout)
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
		if _, err := w.exec(`INSERT INTO evidence(readout, n, text) VALUES (?, ?, ?)`, readout, lowest, e.Evidence); err != nil {
			return nil, err
		}
	}
	return nums, nil
}

func insertEvidence(w *wtx, readout string, nums map[string]int) error {
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

// removeOrphans deletes nodes among keys that no edge refers to any more.
func removeOrphans(w *wtx, keys []string) error {
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			continue
		}
		seen[k] = true
		_, err := w.exec(`DELETE FROM nodes WHERE key = ?
			AND NOT EXISTS (SELECT 1 FROM edges WHERE src = ?)
			AND NOT EXISTS (SELECT 1 FROM edges WHERE dst = ?)
			AND NOT EXISTS (SELECT 1 FROM mentions WHERE node = ?)
			AND NOT EXISTS (SELECT 1 FROM readouts WHERE ? = 'Readout:' || id)`, k, k, k, k, k)
		if err != nil {
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
