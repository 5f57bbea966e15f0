package neo4j

import (
	"context"
	"embed"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

//go:embed queries/*.cypher
var queryFiles embed.FS

// CannedQuery is one of the Cypher files the package ships. The text runs
// unchanged in Neo4j Browser once its parameters are set with :param.
type CannedQuery struct {
	Name        string
	Description string
	Params      []string // parameter names, without the $
	Text        string
}

// ParamDoc is what the query's header says about a parameter, such as
// "node key like State:US".
func (q CannedQuery) ParamDoc(name string) string {
	for _, m := range paramPattern.FindAllStringSubmatch(headerValue(q.Text, "params"), -1) {
		if m[1] == name {
			return m[2]
		}
	}
	return ""
}

// Table is the answer to a Cypher query: plain values (strings, numbers,
// booleans, lists, maps) that print and encode well. A node is a map of its
// properties plus "label"; a relationship a map of its properties plus
// "type"; a path a string like (State:US)<-[:REPRESENTS]-(Official:x).
type Table struct {
	Columns []string
	Rows    [][]any
}

var (
	canned       = mustLoadQueries()
	paramPattern = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)(?:\s*\(([^)]*)\))?`)
)

// Queries lists the canned queries, sorted by name.
func Queries() []CannedQuery {
	out := make([]CannedQuery, 0, len(canned))
	for _, q := range canned {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func mustLoadQueries() map[string]CannedQuery {
	files, err := queryFiles.ReadDir("queries")
	if err != nil {
		panic(err)
	}
	out := map[string]CannedQuery{}
	for _, f := range files {
		b, err := queryFiles.ReadFile(path.Join("queries", f.Name()))
		if err != nil {
			panic(err)
		}
		q := parseQuery(string(b))
		if q.Name != strings.TrimSuffix(f.Name(), ".cypher") {
			panic(fmt.Sprintf("queries/%s: header names it %q", f.Name(), q.Name))
		}
		out[q.Name] = q
	}
	return out
}

// parseQuery reads a query file's header comments.
func parseQuery(text string) CannedQuery {
	q := CannedQuery{Name: headerValue(text, "name"), Description: headerValue(text, "description"), Text: text}
	for _, m := range paramPattern.FindAllStringSubmatch(headerValue(text, "params"), -1) {
		q.Params = append(q.Params, m[1])
	}
	return q
}

// headerValue is the value of a "// key: value" line in the opening comments.
func headerValue(text, key string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "//") {
			break
		}
		if v, ok := strings.CutPrefix(strings.TrimSpace(strings.TrimPrefix(line, "//")), key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// query returns a canned query's text; the names are the package's own.
func query(name string) string {
	q, ok := canned[name]
	if !ok {
		panic("neo4j: no canned query " + name)
	}
	return q.Text
}

// RunQuery runs a canned query by name in a read session. Every parameter
// the query declares must be given.
func (s *Store) RunQuery(ctx context.Context, name string, params map[string]any) (Table, error) {
	q, ok := canned[name]
	if !ok {
		return Table{}, fmt.Errorf("query %q: %w (known: %s)", name, graph.ErrNotFound, strings.Join(queryNames(), ", "))
	}
	var missing []string
	for _, p := range q.Params {
		if _, ok := params[p]; !ok {
			missing = append(missing, "$"+p)
		}
	}
	if len(missing) > 0 {
		return Table{}, fmt.Errorf("query %s: missing %s", name, strings.Join(missing, ", "))
	}
	t, err := s.ReadCypher(ctx, q.Text, params)
	if err != nil {
		return Table{}, fmt.Errorf("query %s: %w", name, err)
	}
	return t, nil
}

func queryNames() []string {
	var names []string
	for _, q := range Queries() {
		names = append(names, q.Name)
	}
	return names
}

// ReadCypher runs a Cypher statement in a read session: the server refuses
// anything that would write (data, schema or a writing procedure), which
// comes back as an error wrapping graph.ErrReadOnly. Before it runs, the
// statement's plan (EXPLAIN, which executes nothing) is checked against the
// rules of vet: a read session alone still lets LOAD CSV read the server's
// files, TERMINATE TRANSACTIONS end other users' work and procedures such as
// db.clearQueryCaches() act on the server; those come back wrapping
// graph.ErrRefused.
func (s *Store) ReadCypher(parent context.Context, text string, params map[string]any) (Table, error) {
	ctx, cancel, bound := s.tx(parent)
	defer cancel()
	sess := s.session(ctx, false)
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := vetPlan(ctx, tx, text, params); err != nil {
			return nil, err
		}
		return collect(ctx, tx, text, params)
	}, bound)
	if err != nil {
		return Table{}, s.translate(s.timedOut(parent, ctx, s.opts.TxTimeout, err))
	}
	res := out.(*result)
	t := Table{Columns: res.Keys}
	for _, row := range res.Rows {
		plain := make([]any, len(row))
		for i, v := range row {
			plain[i] = plainValue(v)
		}
		t.Rows = append(t.Rows, plain)
	}
	return t, nil
}
