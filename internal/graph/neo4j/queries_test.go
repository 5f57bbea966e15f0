package neo4j

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// sampleParams are parameters for every canned query, naming nodes the
// fixtures hold.
var sampleParams = map[string]map[string]any{
	"node":                     {"key": "State:AU"},
	"find":                     {"text": "wang", "limit": 5},
	"neighbors":                {"key": "Official:penny-wong"},
	"meetings":                 {"key": "State:AU", "since": "2024-01-01", "until": ""},
	"commitments":              {"key": "State:AU"},
	"topics":                   {"a": "State:AU", "b": "State:SG"},
	"members":                  {"forum": "Forum:QUAD"},
	"path":                     {"from": "Official:penny-wong", "to": "Official:wang-yi"},
	"stats":                    {},
	"most-connected-officials": {"limit": "10"}, // a string, as a command line gives it
	"shared-forums":            {"a": "State:US", "b": "State:JP"},
	"state-timeline":           {"state": "State:AU"},
}

func TestQueryFilesAreWellFormed(t *testing.T) {
	qs := Queries()
	if !sort.SliceIsSorted(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name }) {
		t.Error("Queries is not sorted by name")
	}
	for _, name := range []string{"neighbors", "meetings", "commitments", "topics", "members", "path",
		"most-connected-officials", "shared-forums", "state-timeline"} {
		if _, ok := canned[name]; !ok {
			t.Errorf("no canned query %s", name)
		}
	}
	used := regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
	names := regexp.MustCompile(`[:|]\s*([A-Z][A-Za-z_]*)`)
	for _, q := range qs {
		if q.Description == "" || !strings.HasPrefix(q.Text, "// name: "+q.Name+"\n") {
			t.Errorf("%s: header must open with name and description", q.Name)
		}
		if !strings.Contains(q.Text, "\n// params:") {
			t.Errorf("%s: no params line", q.Name)
		}
		body := bodyOf(q.Text)
		var inBody []string
		for _, m := range used.FindAllStringSubmatch(body, -1) {
			if !slices.Contains(inBody, m[1]) {
				inBody = append(inBody, m[1])
			}
		}
		declared := append([]string(nil), q.Params...)
		sort.Strings(inBody)
		sort.Strings(declared)
		if !slices.Equal(inBody, declared) {
			t.Errorf("%s: declares %v, uses %v", q.Name, declared, inBody)
		}
		for _, p := range q.Params {
			if q.ParamDoc(p) == "" {
				t.Errorf("%s: $%s is not described", q.Name, p)
			}
		}
		for _, m := range names.FindAllStringSubmatch(body, -1) {
			if !slices.Contains(schema.Labels, schema.Label(m[1])) && !slices.Contains(schema.RelTypes, schema.RelType(m[1])) {
				t.Errorf("%s: %s is neither a schema label nor a relationship type", q.Name, m[1])
			}
		}
		if strings.Contains(body, "MET_WITH|") && !strings.Contains(body, typeList(citedTypes())) {
			t.Errorf("%s: the cited types are not %s", q.Name, typeList(citedTypes()))
		}
		if strings.Contains(body, "State|Official") && !strings.Contains(body, labelList(schema.Labels)) &&
			!strings.Contains(body, labelList(schema.Labels[:4])) {
			t.Errorf("%s: a label list that is not the schema's", q.Name)
		}
		if _, ok := sampleParams[q.Name]; !ok {
			t.Errorf("%s: no sample parameters to test it with", q.Name)
		}
	}
}

func bodyOf(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func TestCannedQueriesRun(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	writeAll(t, s, fixtureDocs(t))
	ctx := context.Background()
	for _, q := range Queries() {
		tab, err := s.RunQuery(ctx, q.Name, sampleParams[q.Name])
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		if len(tab.Rows) == 0 {
			t.Errorf("%s: no rows for %v", q.Name, sampleParams[q.Name])
		}
		if len(tab.Columns) == 0 {
			t.Errorf("%s: no columns", q.Name)
		}
	}
	tab, err := s.RunQuery(ctx, "most-connected-officials", map[string]any{"limit": 1})
	if err != nil || len(tab.Rows) != 1 || tab.Columns[0] != "official" {
		t.Errorf("most-connected-officials limit 1: %v, %v", tab, err)
	}
	if _, err := s.RunQuery(ctx, "no-such-query", nil); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown query: %v", err)
	}
	if _, err := s.RunQuery(ctx, "topics", map[string]any{"a": "State:AU"}); err == nil || !strings.Contains(err.Error(), "$b") {
		t.Errorf("missing parameter: %v", err)
	}
}

func TestReadCypherRefusesWrites(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	writeAll(t, s, fixtureDocs(t)[:3])
	ctx := context.Background()
	before, _ := s.Stats(ctx)
	for _, q := range []string{
		"CREATE (n:X) RETURN n",
		"MATCH (n) DETACH DELETE n",
		"MATCH (n:State) SET n.name = 'x'",
		"CREATE INDEX sneaky IF NOT EXISTS FOR (n:X) ON (n.y)",
		"DROP CONSTRAINT " + readoutConstraint(),
		"CALL db.createLabel('Sneaky')",
		"CREATE DATABASE sneaky",
	} {
		_, err := s.ReadCypher(ctx, q, nil)
		if !errors.Is(err, graph.ErrReadOnly) && !errors.Is(err, graph.ErrRefused) {
			t.Errorf("%s: %v, want ErrReadOnly or ErrRefused", q, err)
		}
	}
	if after, _ := s.Stats(ctx); !equalStats(before, after) {
		t.Errorf("refused queries changed the graph: %v, then %v", before, after)
	}
	if _, err := s.ReadCypher(ctx, "MATCH (n RETURN n", nil); err == nil || errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("syntax error: %v", err)
	}
}

// TestReadCypherRefusesMoreThanWrites: a read session still lets a query
// read the server's files, end other transactions, run administration
// commands or call procedures that act on the server. Each is refused
// before it runs, naming the rule; reads of the graph and the allowed
// procedures still answer.
func TestReadCypherRefusesMoreThanWrites(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	writeAll(t, s, fixtureDocs(t)[:3])
	ctx := context.Background()
	for _, c := range []struct{ query, rule string }{
		{"LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "file access"},
		{"MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", "file access"},
		{"load csv with headers from 'https://example.org/x.csv' AS row RETURN row", "file access"},
		{"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "transaction or admin command"},
		{"SHOW TRANSACTIONS", "transaction or admin command"},
		{"SHOW DATABASES", "admin command"},
		{"SHOW USERS", "admin command"},
		{"CALL db.clearQueryCaches()", "procedure"},
		{"CALL `db`.`clearQueryCaches`()", "procedure"},
		{"CALL dbms.listConfig() YIELD name RETURN name", "procedure"},
		{"MATCH (n) CALL db.ping() YIELD success RETURN success", "procedure"},
	} {
		_, err := s.ReadCypher(ctx, c.query, nil)
		if !errors.Is(err, graph.ErrRefused) || !strings.Contains(err.Error(), "(rule: "+c.rule+")") {
			t.Errorf("%s: got %v, want a refusal under rule %q", c.query, err, c.rule)
		}
	}
	for _, q := range []string{
		"MATCH (s:State) RETURN count(s) AS n",
		"CALL db.labels() YIELD label RETURN label",
		"CALL { MATCH (n) RETURN n } RETURN count(*) AS n",
		"SHOW CONSTRAINTS YIELD name RETURN name",
	} {
		if tab, err := s.ReadCypher(ctx, q, nil); err != nil || len(tab.Rows) == 0 {
			t.Errorf("%s: %v, %v; want an answer", q, tab, err)
		}
	}
}

func equalStats(a, b graph.Stats) bool {
	return a.TotalNodes() == b.TotalNodes() && a.TotalEdges() == b.TotalEdges()
}

func TestReadCypherPlainValues(t *testing.T) {
	s := openTestStore(t)
	mustMigrate(t, s)
	writeAll(t, s, fixtureDocs(t)[:1])
	tab, err := s.ReadCypher(context.Background(), `MATCH p = (r:Readout)-[m:MENTIONS]->(o:Official)
		RETURN r, m, p, date('2024-01-02') AS d, [o.name, 1] AS l, {who: o} AS mp LIMIT 1`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"r", "m", "p", "d", "l", "mp"}; !slices.Equal(tab.Columns, want) || len(tab.Rows) != 1 {
		t.Fatalf("columns %v, rows %d", tab.Columns, len(tab.Rows))
	}
	row := tab.Rows[0]
	node := row[0].(map[string]any)
	if node["label"] != "Readout" || node["id"] == "" || node[propFingerprint] != nil {
		t.Errorf("node: %v", node)
	}
	if rel := row[1].(map[string]any); rel["type"] != "MENTIONS" || rel["readout"] != node["id"] {
		t.Errorf("relationship: %v", rel)
	}
	if p := row[2].(string); !strings.HasPrefix(p, "(Readout:") || !strings.Contains(p, ")-[:MENTIONS]->(Official:") {
		t.Errorf("path: %q", p)
	}
	if row[3] != "2024-01-02" {
		t.Errorf("date: %#v", row[3])
	}
	if l := row[4].([]any); len(l) != 2 || l[1] != int64(1) {
		t.Errorf("list: %#v", l)
	}
	if m := row[5].(map[string]any); m["who"].(map[string]any)["label"] != "Official" {
		t.Errorf("map: %#v", m)
	}
}
