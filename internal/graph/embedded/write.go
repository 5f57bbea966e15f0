package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// WriteReadout stores a readout's facts in one transaction. An earlier
// version of the readout (same id, or same origin with other content) is
// removed first, with every node that only it referred to; a document whose
// facts are already stored changes nothing.
func (s *Store) WriteReadout(ctx context.Context, doc graph.Document) (graph.WriteStatus, error) {
	status := graph.Created
	fp := doc.Fingerprint()
	origin := doc.Readout.Prop(schema.PropOrigin)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, same, err := previousVersions(ctx, tx, doc.Readout.ID, origin, fp)
		if err != nil {
			return err
		}
		if same {
			status = graph.Unchanged
			return nil
		}
		if len(old) > 0 {
			status = graph.Replaced
		}
		touched, err := removeReadouts(ctx, tx, old)
		if err != nil {
			return err
		}
		if err := insertDocument(ctx, tx, doc, fp); err != nil {
			return err
		}
		return removeOrphans(ctx, tx, touched)
	})
	if err != nil {
		return 0, fmt.Errorf("write readout %s: %w", doc.Readout.ID, err)
	}
	if status != graph.Unchanged {
		s.mu.Lock()
		s.wrote++
		s.mu.Unlock()
	}
	return status, nil
}

// previousVersions finds stored readouts this document replaces, and
// whether exactly this document is stored already.
func previousVersions(ctx context.Context, tx *sql.Tx, id, origin, fp string) ([]string, bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, origin, fingerprint FROM readouts WHERE id = ? OR origin = ?`, id, origin)
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
func removeReadouts(ctx context.Context, tx *sql.Tx, ids []string) ([]string, error) {
	var touched []string
	for _, id := range ids {
		rows, err := tx.QueryContext(ctx, `SELECT src, dst FROM edges WHERE readout = ?`, id)
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
		for _, q := range []string{
			`DELETE FROM edges WHERE readout = ?`,
			`DELETE FROM readouts WHERE id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return nil, err
			}
		}
		touched = append(touched, schema.Key(schema.Readout, id))
	}
	return touched, nil
}

func insertDocument(ctx context.Context, tx *sql.Tx, doc graph.Document, fp string) error {
	upsert, err := tx.PrepareContext(ctx, `INSERT INTO nodes(key, label, id, name, props) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET name = excluded.name, props = json_patch(nodes.props, excluded.props)`)
	if err != nil {
		return err
	}
	defer upsert.Close()
	for _, n := range append([]graph.Node{doc.Readout}, doc.Nodes...) {
		if _, err := upsert.ExecContext(ctx, n.Key(), string(n.Label), n.ID, n.Name, propsJSON(n.Props)); err != nil {
			return err
		}
	}
	insert, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO edges(type, src, dst, readout, date, evidence, props)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insert.Close()
	for _, e := range doc.Edges {
		if _, err := insert.ExecContext(ctx, string(e.Type), e.From, e.To, e.Readout, e.Date, e.Evidence, propsJSON(e.Props)); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO readouts(id, origin, fingerprint) VALUES (?, ?, ?)`,
		doc.Readout.ID, doc.Readout.Prop(schema.PropOrigin), fp)
	return err
}

// removeOrphans deletes nodes among keys that no edge refers to any more.
func removeOrphans(ctx context.Context, tx *sql.Tx, keys []string) error {
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			continue
		}
		seen[k] = true
		_, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE key = ?
			AND NOT EXISTS (SELECT 1 FROM edges WHERE src = ?)
			AND NOT EXISTS (SELECT 1 FROM edges WHERE dst = ?)
			AND NOT EXISTS (SELECT 1 FROM readouts WHERE ? = 'Readout:' || id)`, k, k, k, k)
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
