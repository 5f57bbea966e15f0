package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/internal/graph/neo4j"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/spf13/cobra"
)

// cypherRunner is the ability of a store to run Cypher, which only the
// Neo4j store has: found by type assertion, never faked by the others.
type cypherRunner interface {
	RunQuery(ctx context.Context, name string, params map[string]any) (neo4j.Table, error)
	ReadCypher(ctx context.Context, text string, params map[string]any) (neo4j.Table, error)
}

var errNeedsNeo4j = errors.New("this needs the neo4j store (--store neo4j, or DIPLOGRAPH_NEO4J_URI); " +
	"the embedded store answers every question of query list but run and cypher")

// builtins are the questions every store answers, for `query list`.
func builtins() [][2]string {
	out := [][2]string{{"path A B", "the cheapest path(s) between two entities (--via, --paths, --max-hops)"}}
	for _, q := range questions {
		out = append(out, [2]string{q.use, q.short})
	}
	return append(out, [2]string{"check", "counts of what the store holds, any dangling edge, storage integrity"})
}

// cypherCommands are the canned and ad hoc Cypher queries.
func cypherCommands(g *globals) []*cobra.Command {
	list := &cobra.Command{
		Use:     "list",
		Short:   "The questions and canned Cypher queries, a line each",
		Example: "  query list\n  query list --format csv",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			t := render.Table{Title: "Questions (every store) and canned Cypher queries (query run NAME, Neo4j)", Columns: []string{"kind", "name", "parameters", "description"}}
			for _, b := range builtins() {
				name, params, _ := strings.Cut(b[0], " ")
				t.Rows = append(t.Rows, []string{"question", name, params, b[1]})
			}
			for _, q := range neo4j.Queries() {
				t.Rows = append(t.Rows, []string{"cypher", q.Name, strings.Join(q.Params, " "), q.Description})
			}
			return render.Write(cmd.OutOrStdout(), formatOf(cmd, g), t)
		},
	}
	run := cypherCommand(g, "run NAME [key=value...]", "Run a canned Cypher query (see query list) on Neo4j",
		"  query --store neo4j run most-connected-officials limit=5\n  query --store neo4j run shared-forums a=State:US b=State:JP",
		"run needs a query name; see query list", cypherRunner.RunQuery)
	adhoc := cypherCommand(g, "cypher QUERY [key=value...]", "Run an ad hoc read-only Cypher query on Neo4j; a query that writes is refused",
		"  query --store neo4j cypher 'MATCH (s:State)-[:MEMBER_OF]->(f:Forum {id: $f}) RETURN s.name' f=QUAD",
		"cypher needs a query", cypherRunner.ReadCypher)
	return []*cobra.Command{list, run, adhoc}
}

// cypherCommand builds a command whose first argument goes to call with
// the key=value parameters that follow it.
func cypherCommand(g *globals, use, short, example, missing string,
	call func(cypherRunner, context.Context, string, map[string]any) (neo4j.Table, error)) *cobra.Command {
	return &cobra.Command{
		Use: use, Short: short, Example: example,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 {
				return argsError{errors.New(missing)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			params, err := parseParams(args[1:])
			if err != nil {
				return err
			}
			return answerCypher(g, cmd, func(ctx context.Context, r cypherRunner) (neo4j.Table, error) {
				return call(r, ctx, args[0], params)
			})
		},
	}
}

// formatOf is the output format from the flag or the configuration,
// without opening a store.
func formatOf(cmd *cobra.Command, g *globals) string {
	if g.format != "" {
		return g.format
	}
	return "table"
}

// answerCypher opens the store, refuses one that cannot run Cypher before
// anything reaches it, and prints the table.
func answerCypher(g *globals, cmd *cobra.Command, ask func(context.Context, cypherRunner) (neo4j.Table, error)) error {
	s, err := open(cmd, g)
	if err != nil {
		return err
	}
	defer s.store.Close()
	runner, ok := s.store.(cypherRunner)
	if !ok {
		return setupError{errNeedsNeo4j}
	}
	t, err := ask(cmd.Context(), runner)
	if err != nil {
		return err
	}
	return render.Write(s.out, s.cfg.Query.Format, toRender(t))
}

func toRender(t neo4j.Table) render.Table {
	out := render.Table{Columns: t.Columns}
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = cell(v)
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// cell prints a value: text as it is, anything structured as JSON.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64, float64, bool:
		return fmt.Sprint(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

var paramName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// parseParams reads key=value arguments as Cypher parameters: whole
// numbers become integers, true and false booleans, anything else text.
// Values only ever travel as parameters, never into the query text.
func parseParams(args []string) (map[string]any, error) {
	params := map[string]any{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || !paramName.MatchString(k) {
			return nil, argsError{fmt.Errorf("parameter %q: want name=value", a)}
		}
		switch {
		case v == "true" || v == "false":
			params[k] = v == "true"
		default:
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				params[k] = n
			} else {
				params[k] = v
			}
		}
	}
	return params, nil
}
