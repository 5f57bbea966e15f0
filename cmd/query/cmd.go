package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/diplograph/diplograph/internal/backend"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK    = 0
	exitQuery = 1 // the question could not be answered (unknown name, refused query)
	exitSetup = 2 // bad flags or configuration, or no store to ask
)

// quietExit ends the command with a code whose message was printed already.
type quietExit struct{ code int }

func (q quietExit) Error() string { return fmt.Sprintf("exit %d", q.code) }

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
		// Without a command, a usage error rather than the help text.
		RunE: func(cmd *cobra.Command, _ []string) error {
			return argsError{errors.New("no command given")}
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "config file (default ./config.yaml when present)")
	pf.String("store", "", "store: embedded or neo4j (default: neo4j when neo4j.uri is set, else embedded)")
	pf.String("db", "", "embedded store file")
	pf.StringVar(&g.format, "format", "", "output: table, json, csv, or for graph-shaped answers mermaid, dot or html (default from config, else table)")
	pf.String("neo4j-uri", "", "Neo4j server; the password comes only from DIPLOGRAPH_NEO4J_PASSWORD or a password file")
	pf.String("neo4j-user", "", "Neo4j user")
	pf.String("neo4j-database", "", "Neo4j database")
	root.AddCommand(questionCommands(&g)...)
	root.AddCommand(cypherCommands(&g)...)
	root.AddCommand(viewCommand(ctx, stderr))
	root.InitDefaultHelpCmd()
	// A bad flag or flag value is a usage error, as it is for ingest.
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return argsError{err} })
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := checkCommandLine(root, args); err != nil {
		fmt.Fprintf(stderr, "query: %s\n", render.Terminal(err.Error()))
		return exitSetup
	}
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var qe quietExit
	if errors.As(err, &qe) {
		return qe.code // said already, by the question view asked
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(stderr, "query: interrupted")
		return exitQuery
	}
	if isUsage(err) {
		fmt.Fprintf(stderr, "query: %s; %s\n", render.Terminal(err.Error()), usageHint(cmd))
		return exitSetup
	}
	fmt.Fprintf(stderr, "query: %s\n", render.Terminal(err.Error()))
	var se setupError
	if errors.As(err, &se) {
		return exitSetup
	}
	return exitQuery
}

// usageHint is a command's usage line and where to read more.
func usageHint(cmd *cobra.Command) string {
	if cmd == nil || !cmd.HasParent() {
		return "usage: query COMMAND [flags] (query --help lists the commands)"
	}
	return fmt.Sprintf("usage: %s (query %s --help for more)", cmd.UseLine(), cmd.Name())
}

// checkCommandLine finds the command a command line names before cobra
// does, so that a flag it does not know before the command, or a command
// that does not exist, is one usage error naming the nearest valid command
// line; cobra would take the flag's value for the command.
func checkCommandLine(root *cobra.Command, args []string) error {
	var unknown string
	rest := []string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || a == "-h" || a == "--help" {
			return nil
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			var f *pflag.Flag
			if strings.HasPrefix(a, "--") {
				f = root.PersistentFlags().Lookup(name)
			} else {
				f = root.PersistentFlags().ShorthandLookup(name[:1])
			}
			if f == nil {
				if unknown == "" {
					unknown = a
				}
				continue
			}
			rest = append(rest, a)
			if !hasValue && f.NoOptDefVal == "" && i+1 < len(args) {
				i++ // the flag's value
				rest = append(rest, args[i])
			}
			continue
		}
		cmd := subcommand(root, a)
		switch {
		case cmd == nil:
			msg := fmt.Sprintf("unknown command %q", a)
			if near := nearest(root, a); near != "" {
				line := append(append(rest, near), args[i+1:]...)
				msg += "; did you mean: query " + strings.Join(line, " ")
			}
			return fmt.Errorf("%s; %s", msg, usageHint(root))
		case unknown != "":
			line := append(rest, args[i:]...)
			return fmt.Errorf("unknown flag %s; did you mean: query %s; %s", unknown, strings.Join(line, " "), usageHint(cmd))
		}
		return nil
	}
	if unknown != "" {
		return fmt.Errorf("unknown flag %s; %s", unknown, usageHint(root))
	}
	return nil
}

func subcommand(root *cobra.Command, name string) *cobra.Command {
	for _, c := range root.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}

// nearest is the command whose name is closest to what was typed, if any
// is close: a prefix of it, or within a third of its letters.
func nearest(root *cobra.Command, typed string) string {
	best, bestD := "", 0
	for _, c := range root.Commands() {
		if c.Hidden || !c.IsAvailableCommand() {
			continue
		}
		d := levenshtein.ComputeDistance(strings.ToLower(typed), c.Name())
		if strings.HasPrefix(c.Name(), strings.ToLower(typed)) {
			d = 0
		}
		if d <= max(1, len(c.Name())/3) && (best == "" || d < bestD) {
			best, bestD = c.Name(), d
		}
	}
	return best
}

// isUsage recognises cobra's own argument and flag errors.
func isUsage(err error) bool {
	var ae argsError
	// cobra's unknown-command error has no type of its own.
	return errors.As(err, &ae) || errors.Is(err, errUsage) || strings.HasPrefix(err.Error(), "unknown command ")
}

var errUsage = errors.New("usage")

// undated is how many facts an answer left out for want of a date; table
// and JSON output say so themselves, CSV cannot.
func undated(a any) int {
	switch a := a.(type) {
	case query.Facts:
		return a.Undated
	case query.Meetings:
		return a.Undated
	}
	return 0
}

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
	return &session{
		cfg:    cfg,
		store:  store,
		engine: query.Engine{Reader: store, Resolver: query.Resolver{Reader: store, LoadLexicon: lexicon.Default}, MaxHops: cfg.Query.MaxHops},
		out:    cmd.OutOrStdout(),
	}, nil
}

// answer opens a session, asks, prints in the configured format and closes.
// An answer that comes with an error (a failed check) is printed first.
func answer(g *globals, ask func(ctx context.Context, s *session) (any, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		s, err := open(cmd, g)
		if err != nil {
			return err
		}
		defer s.store.Close()
		a, err := ask(cmd.Context(), s)
		if err != nil {
			if a != nil && errors.Is(err, errDangling) {
				render.Answer(s.out, s.cfg.Query.Format, a)
			}
			if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrNoGraph) {
				return setupError{err}
			}
			return err
		}
		if err := render.Answer(s.out, s.cfg.Query.Format, a); err != nil {
			return err
		}
		if n := undated(a); n > 0 && s.cfg.Query.Format == render.FormatCSV {
			fmt.Fprintf(cmd.ErrOrStderr(), "query: %d facts without a date left out\n", n)
		}
		return nil
	}
}
