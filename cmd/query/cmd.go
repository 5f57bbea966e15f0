package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph/internal/backend"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK    = 0
	exitQuery = 1 // the question could not be answered (unknown name, refused query)
	exitSetup = 2 // bad flags or configuration, or no store to ask
)

// globals are the flags every subcommand takes.
type globals struct {
	config string
	format string
}

// session is what a subcommand works with: the store, the engine and where
// to print.
type session struct {
	cfg    config.Config
	store  graph.Store
	engine query.Engine
	out    io.Writer
}

// setupError marks failures that are the set-up's fault, not the question's.
type setupError struct{ error }

func (e setupError) Unwrap() error { return e.error }

// run is the whole command, testable without a process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var g globals
	root := &cobra.Command{
		Use:           "query",
		Short:         "Ask the knowledge graph of meeting readouts",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "config file (default ./config.yaml when present)")
	pf.String("store", "", "store: embedded or neo4j (default: neo4j when neo4j.uri is set, else embedded)")
	pf.String("db", "", "embedded store file")
	pf.StringVar(&g.format, "format", "", "output: table, json or csv (default from config, else table)")
	pf.String("neo4j-uri", "", "Neo4j server; the password comes only from DIPLOGRAPH_NEO4J_PASSWORD or a password file")
	pf.String("neo4j-user", "", "Neo4j user")
	pf.String("neo4j-database", "", "Neo4j database")
	root.AddCommand(questionCommands(&g)...)
	root.AddCommand(cypherCommands(&g)...)
	// A bad flag or flag value is a usage error, as it is for ingest.
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return argsError{err} })
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(stderr, "query: interrupted")
		return exitQuery
	}
	fmt.Fprintf(stderr, "query: %s\n", render.Terminal(err.Error()))
	var se setupError
	if errors.As(err, &se) || isUsage(err) {
		return exitSetup
	}
	return exitQuery
}

// isUsage recognises cobra's own argument and flag errors.
func isUsage(err error) bool {
	var ae argsError
	// cobra's unknown-command error has no type of its own.
	return errors.As(err, &ae) || errors.Is(err, errUsage) || strings.HasPrefix(err.Error(), "unknown command ")
}

var errUsage = errors.New("usage")

type argsError struct{ error }

// open loads the configuration and opens the store read-only.
func open(cmd *cobra.Command, g *globals) (*session, error) {
	cfg, err := config.Load(g.config, cmd.Flags(), config.FlagKeys{"store": "store", "db": "db", "format": "query.format", "max-hops": "query.max_hops",
		"neo4j-uri": "neo4j.uri", "neo4j-user": "neo4j.user", "neo4j-database": "neo4j.database"})
	if err != nil {
		return nil, setupError{err}
	}
	store, err := backend.Open(cmd.Context(), cfg, backend.ReadOnly)
	if err != nil {
		return nil, setupError{err}
	}
	lx, err := lexicon.Default()
	if err != nil {
		store.Close()
		return nil, setupError{err}
	}
	return &session{
		cfg:    cfg,
		store:  store,
		engine: query.Engine{Reader: store, Resolver: query.Resolver{Reader: store, Lexicon: lx}, MaxHops: cfg.Query.MaxHops},
		out:    cmd.OutOrStdout(),
	}, nil
}

// answer opens a session, asks, prints in the configured format and closes.
func answer(g *globals, ask func(ctx context.Context, s *session) (render.Table, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		s, err := open(cmd, g)
		if err != nil {
			return err
		}
		defer s.store.Close()
		t, err := ask(cmd.Context(), s)
		if err != nil {
			if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrNoGraph) {
				return setupError{err}
			}
			return err
		}
		return render.Write(s.out, s.cfg.Query.Format, t)
	}
}
