package neo4j

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// allowedProcedures are the procedures an ad hoc query may call: they
// describe the graph's shape and change nothing.
var allowedProcedures = map[string]bool{
	"db.labels":                    true,
	"db.relationshipTypes":         true,
	"db.propertyKeys":              true,
	"db.schema.visualization":      true,
	"db.schema.nodeTypeProperties": true,
	"db.schema.relTypeProperties":  true,
	"dbms.components":              true,
}

// allowedCommands are the commands an ad hoc query may run: they list the
// schema, as db.labels() does. Others are refused: SHOW TRANSACTIONS shows
// other users' queries and parameters, SHOW SETTINGS the server's set-up.
var allowedCommands = map[string]bool{"ShowIndexes": true, "ShowConstraints": true}

// vetPlan plans the statement without running it and checks the plan.
// The plan, not the text, is what is checked: it names each procedure as
// the server resolved it (backticks, spacing and case undone) and holds an
// operator for every clause wherever the text put it.
func vetPlan(ctx context.Context, tx neo4j.ManagedTransaction, text string, params map[string]any) error {
	res, err := tx.Run(ctx, "EXPLAIN "+text, params)
	if err != nil {
		return adminError(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return adminError(err)
	}
	if sum.Plan() == nil {
		return fmt.Errorf("%w: the server gave no plan to check", graph.ErrRefused)
	}
	return vet(sum.Plan())
}

// adminError is the refusal for an administration command the server will
// not even plan here (CREATE DATABASE on community edition), else err.
func adminError(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && strings.Contains(ne.Code, "AdministrationCommand") {
		return errRule("admin command", "administration commands are not queries")
	}
	return err
}

// errRule is a refusal naming the rule the plan broke.
func errRule(rule, why string) error {
	return fmt.Errorf("%w (rule: %s): %s", graph.ErrRefused, rule, why)
}

// vet refuses a plan that reads files, runs a transaction or administration
// command, or calls a procedure outside allowedProcedures.
func vet(p neo4j.Plan) error {
	op, db, _ := strings.Cut(p.Operator(), "@")
	switch {
	case db == "system" || op == "AdministrationCommand":
		return errRule("admin command", "administration commands are not queries")
	case op == "ShowConstraints" || op == "ShowIndexes":
		// they describe the schema, as db.labels does, and change nothing
	case op == "LoadCSV":
		return errRule("file access", "LOAD CSV reads files and URLs the server can reach")
	case allowedCommands[op]:
	case strings.HasPrefix(op, "Terminate") || strings.HasPrefix(op, "Show") ||
		strings.HasPrefix(op, "Transaction"):
		return errRule("transaction or admin command", op+" is a command, not a query of the graph")
	case op == "ProcedureCall":
		name := procedureName(p)
		if !allowedProcedures[name] {
			return errRule("procedure", fmt.Sprintf("%s is not one of the allowed procedures (%s)", name, allowedList()))
		}
	}
	for _, c := range p.Children() {
		if err := vet(c); err != nil {
			return err
		}
	}
	return nil
}

// procedureName reads the procedure from a ProcedureCall's details, which
// read like "db.labels() :: (label :: STRING)".
func procedureName(p neo4j.Plan) string {
	d, _ := p.Arguments()["Details"].(string)
	name, _, _ := strings.Cut(d, "(")
	return strings.TrimSpace(name)
}

func allowedList() string {
	names := make([]string, 0, len(allowedProcedures))
	for n := range allowedProcedures {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
