package main

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
	"github.com/diplograph/diplograph/internal/schema"
	"github.com/spf13/cobra"
)

// question describes one built-in question: its command line, what it
// answers, an example, how many names it takes, whether it takes a date
// range, and how it is asked. Adding a question is one entry here, its
// method in internal/query and its test.
type question struct {
	use, short, example string
	args                int
	dated               bool
	ask                 func(ctx context.Context, e query.Engine, args []string, r query.DateRange) (any, error)
}

var questions = []question{
	{use: "neighbors X", short: "Every relationship of X, grouped by readout", example: "query neighbors Blinken", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Neighbors(ctx, a[0], r)
		}},
	{use: "meetings X", short: "The meetings X, or the officials of state X, took part in, one row per meeting, by date", example: "query meetings Japan --since 2023", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Meetings(ctx, a[0], r)
		}},
	{use: "commitments X", short: "What X, or state X and its officials, committed to", example: "query commitments Australia --since 2024-01", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Commitments(ctx, a[0], r)
		}},
	{use: "topics A B", short: "What A and B discussed in the same readouts", example: "query topics US Japan", args: 2, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Topics(ctx, a[0], a[1], r)
		}},
	{use: "topic T", short: "Who discussed, committed to or expressed something about topic T, in their words", example: "query topic \"maritime security\"", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Topic(ctx, a[0], r)
		}},
	{use: "members FORUM", short: "The states the readouts place in a forum", example: "query members Quad", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Members(ctx, a[0], r)
		}},
	{use: "timeline X", short: "X's facts (a state's: and its officials') in date order, grouped by readout", example: "query timeline Japan --since 2024 --until 2024-06", args: 1, dated: true,
		ask: func(ctx context.Context, e query.Engine, a []string, r query.DateRange) (any, error) {
			return e.Timeline(ctx, a[0], r)
		}},
	{use: "readout ID|FILE", short: "Everything one readout says, with its title, date and source", example: "query readout bc8cd36d2e9f6324\n  query readout fixtures/readouts/05_quad-tokyo.md", args: 1,
		ask: func(ctx context.Context, e query.Engine, a []string, _ query.DateRange) (any, error) {
			return e.Readout(ctx, a[0])
		}},
	{use: "stats", short: "Counts of nodes by label, of facts by type and by year", example: "query stats --format json",
		ask: func(ctx context.Context, e query.Engine, _ []string, _ query.DateRange) (any, error) {
			return e.Stats(ctx)
		}},
}

// questionCommands are the built-in questions every store answers.
func questionCommands(g *globals) []*cobra.Command {
	cmds := []*cobra.Command{pathCommand(g), egoCommand(g)}
	for _, q := range questions {
		cmds = append(cmds, questionCommand(g, q))
	}
	return append(cmds, checkCommand(g))
}

func questionCommand(g *globals, q question) *cobra.Command {
	var since, until string
	cmd := &cobra.Command{Use: q.use, Short: q.short, Example: "  " + q.example, Args: exactArgs(q.args)}
	if q.use == "neighbors X" {
		cmd.Aliases = []string{"neighbours"}
	}
	if q.dated {
		dateFlags(cmd, &since, &until)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		r, err := query.ParseRange(since, until)
		if err != nil {
			return argsError{err}
		}
		return answer(g, func(ctx context.Context, s *session) (any, error) {
			return q.ask(ctx, s.engine, args, r)
		})(cmd, args)
	}
	return cmd
}

func dateFlags(cmd *cobra.Command, since, until *string) {
	cmd.Flags().StringVar(since, "since", "", "earliest date: a year (2021), a month (2021-03) or a day (2021-03-04)")
	cmd.Flags().StringVar(until, "until", "", "latest date, the whole of it: a year, a month or a day")
}

func pathCommand(g *globals) *cobra.Command {
	var maxHops, paths int
	var via string
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "The cheapest path(s) between two entities over actor relations, each hop with its readout and evidence",
		Long: "The cheapest path(s) between two entities. By default a path walks MET_WITH, REPRESENTS and\n" +
			"MEMBER_OF; --via chooses the relationship types (DISCUSSED, COMMITTED_TO, EXPRESSED reach topics).\n" +
			"A hop through MET_WITH or REPRESENTS costs 1, any other costs 2: a shared forum or topic says less\n" +
			"than a meeting. Of the cheapest paths, those of fewest hops; --paths N lists up to N of them.",
		Example: "  query path US Japan\n  query path US Japan --via MET_WITH,DISCUSSED --paths 3\n  query path Blinken \"Penny Wong\" --max-hops 3",
		Args:    exactArgs(2),
	}
	cmd.Flags().IntVar(&maxHops, "max-hops", 0, "longest path to look for, at most 20 (default from config)")
	cmd.Flags().IntVar(&paths, "paths", 1, fmt.Sprintf("how many paths to list, at most %d", graph.MaxPaths))
	cmd.Flags().StringVar(&via, "via", "", "relationship types a path may walk, comma-separated (default MET_WITH,REPRESENTS,MEMBER_OF)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		o := query.PathOptions{Paths: paths}
		if paths < 1 || paths > graph.MaxPaths {
			return argsError{fmt.Errorf("--paths %d: want 1 to %d", paths, graph.MaxPaths)}
		}
		if cmd.Flags().Changed("via") {
			types, err := query.ParseRelations(via)
			if err != nil {
				return argsError{err}
			}
			o.Via = types
		}
		return answer(g, func(ctx context.Context, s *session) (any, error) {
			o.MaxHops = s.cfg.Query.MaxHops
			if maxHops > 0 {
				o.MaxHops = maxHops
			}
			if o.MaxHops > 20 {
				return nil, argsError{errTooManyHops}
			}
			return s.engine.Path(ctx, args[0], args[1], o)
		})(cmd, args)
	}
	return cmd
}

func egoCommand(g *globals) *cobra.Command {
	var depth int
	var via, since, until string
	cmd := &cobra.Command{
		Use:     "ego X",
		Short:   "X's neighbourhood: every fact within --depth hops over actor relations (or --via), to draw",
		Example: "  query ego Kamikawa --depth 2 --format mermaid\n  query ego Quad --via MEMBER_OF,MET_WITH,REPRESENTS --format dot | dot -Tsvg > quad.svg",
		Args:    exactArgs(1),
	}
	cmd.Flags().IntVar(&depth, "depth", 1, fmt.Sprintf("hops from X, 1 to %d", query.MaxEgoDepth))
	cmd.Flags().StringVar(&via, "via", "", "relationship types to follow, comma-separated (default MET_WITH,REPRESENTS,MEMBER_OF)")
	dateFlags(cmd, &since, &until)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if depth < 1 || depth > query.MaxEgoDepth {
			return argsError{fmt.Errorf("--depth %d: want 1 to %d", depth, query.MaxEgoDepth)}
		}
		r, err := query.ParseRange(since, until)
		if err != nil {
			return argsError{err}
		}
		var types []schema.RelType
		if via != "" {
			if types, err = query.ParseRelations(via); err != nil {
				return argsError{err}
			}
		}
		return answer(g, func(ctx context.Context, s *session) (any, error) {
			return s.engine.Ego(ctx, args[0], depth, types, r)
		})(cmd, args)
	}
	return cmd
}

func checkCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use: "check", Short: "Count what the store holds, look for dangling edges, check the storage",
		Example: "  query check --format csv",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return answer(g, func(ctx context.Context, s *session) (any, error) {
				st, err := s.engine.Check(ctx)
				if err == nil && st.Dangling > 0 {
					return st, errDangling
				}
				return st, err
			})(cmd, args)
		},
	}
}

// exactArgs is cobra.ExactArgs with its error a usage error that says what
// the arguments are.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			want := "no arguments"
			switch n {
			case 1:
				want = "1 argument"
			case 2:
				want = "2 arguments"
			}
			return argsError{fmt.Errorf("%s takes %s, got %d", cmd.Name(), want, len(args))}
		}
		return nil
	}
}
