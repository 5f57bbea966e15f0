package main

import (
	"context"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/spf13/cobra"
)

// questionCommands are the built-in questions every store answers.
func questionCommands(g *globals) []*cobra.Command {
	var maxHops int
	path := &cobra.Command{
		Use:     "path A B",
		Short:   "The shortest path(s) between two entities, each hop with its evidence",
		Example: "  query path US Japan\n  query path Blinken \"Penny Wong\" --max-hops 3",
		Args:    exactArgs(2),
	}
	path.Flags().IntVar(&maxHops, "max-hops", 0, "longest path to look for (default from config)")
	path.RunE = func(cmd *cobra.Command, args []string) error {
		return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
			hops := s.cfg.Query.MaxHops
			if maxHops > 0 {
				hops = maxHops
			}
			if hops > 20 {
				return render.Table{}, argsError{errTooManyHops}
			}
			return s.engine.Path(ctx, args[0], args[1], hops)
		})(cmd, args)
	}

	var since, until string
	meetings := &cobra.Command{
		Use:     "meetings X",
		Short:   "Who X, or the officials of state X, met",
		Example: "  query meetings Japan --since 2023-01-01",
		Args:    exactArgs(1),
	}
	meetings.Flags().StringVar(&since, "since", "", "earliest date (YYYY-MM-DD or any date readouts use)")
	meetings.Flags().StringVar(&until, "until", "", "latest date")
	meetings.RunE = func(cmd *cobra.Command, args []string) error {
		r, err := dateRange(since, until)
		if err != nil {
			return err
		}
		return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
			return s.engine.Meetings(ctx, args[0], r)
		})(cmd, args)
	}

	return []*cobra.Command{
		path,
		{
			Use: "neighbors X", Aliases: []string{"neighbours"}, Short: "Every relationship of X, with its evidence",
			Args: exactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
					return s.engine.Neighbors(ctx, args[0])
				})(cmd, args)
			},
		},
		meetings,
		{
			Use: "commitments X", Short: "What X, or state X and its officials, committed to",
			Args: exactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
					return s.engine.Commitments(ctx, args[0])
				})(cmd, args)
			},
		},
		{
			Use: "topics A B", Short: "What A and B discussed in the same readouts",
			Args: exactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
					return s.engine.Topics(ctx, args[0], args[1])
				})(cmd, args)
			},
		},
		{
			Use: "members FORUM", Short: "The states the readouts say belong to a forum",
			Args: exactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
					return s.engine.Members(ctx, args[0])
				})(cmd, args)
			},
		},
		{
			Use: "check", Short: "Count what the store holds and look for dangling edges",
			Args: exactArgs(0),
			RunE: func(cmd *cobra.Command, args []string) error {
				return answer(g, func(ctx context.Context, s *session) (render.Table, error) {
					t, st, err := s.engine.Check(ctx)
					if err == nil && st.Dangling > 0 {
						render.Write(s.out, s.cfg.Query.Format, t)
						return render.Table{}, errDangling
					}
					return t, err
				})(cmd, args)
			},
		},
	}
}

// exactArgs is cobra.ExactArgs with its error marked as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return argsError{err}
		}
		return nil
	}
}

// dateRange reads --since and --until in any date form readouts use.
func dateRange(since, until string) (graph.DateRange, error) {
	var r graph.DateRange
	for _, p := range []struct {
		in  string
		out *string
	}{{since, &r.Since}, {until, &r.Until}} {
		if p.in == "" {
			continue
		}
		d, ok := readout.ParseDate(p.in)
		if !ok {
			return r, argsError{&dateError{p.in}}
		}
		*p.out = d
	}
	return r, nil
}

type dateError struct{ in string }

func (e *dateError) Error() string { return "not a date: " + e.in }
