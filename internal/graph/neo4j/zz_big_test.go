package neo4j

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/ingest"
)

func TestZZBig(t *testing.T) {
	opts := testServer(t)
	ctx := context.Background()
	s, err := Open(ctx, opts)
	if err != nil { t.Fatal(err) }
	defer s.Close()
	mustMigrate(t, s)
	st, _ := s.Stats(ctx)
	const n = 20000
	if st.Nodes["Readout"] != n {
		wipe(t, s)
		path := filepath.Join(t.TempDir(), "c.jsonl")
		if err := corpus.WriteJSONLFile(path, 1, n); err != nil { t.Fatal(err) }
		t0 := time.Now()
		if _, err := ingest.Run(ctx, ingest.Options{Paths: []string{path}, Store: s}, ingest.Discard); err != nil { t.Fatal(err) }
		t.Logf("ingest %d: %v", n, time.Since(t0))
		st, _ = s.Stats(ctx)
	}
	t.Logf("stats %+v total edges %d", st, st.TotalEdges())
	t0 := time.Now()
	res, err := s.read(ctx, "MATCH (a)-[:MET_WITH|DISCUSSED|COMMITTED_TO|MEMBER_OF|REPRESENTS]->(b) RETURN DISTINCT elementId(a), elementId(b)", nil)
	if err != nil { t.Fatal(err) }
	t.Logf("adjacency: %d pairs in %v", len(res.Rows), time.Since(t0))
	keys := pathEndpoints2(t, s)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 8; i++ {
		a, c := keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))]
		t0 := time.Now()
		p, err := s.Path(ctx, a, c, 6)
		t.Logf("path %s %s: %d paths in %v err %v", a, c, len(p), time.Since(t0), err)
	}
}

func pathEndpoints2(t *testing.T, s *Store) []string {
	var keys []string
	for _, probe := range []string{"a", "e", "i"} {
		nodes, _ := s.FindNodes(context.Background(), probe, 200)
		for _, n := range nodes {
			if n.Label == "State" || n.Label == "Official" {
				keys = append(keys, n.Key())
			}
		}
	}
	return keys
}
