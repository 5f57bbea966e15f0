package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/diplograph/diplograph/internal/backend"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/ingest"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/render"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0 // every input ingested
	exitPartial = 1 // some inputs failed; the rest were ingested
	exitUsage   = 2 // bad flags or configuration, or the store cannot be used
)

// options are the ingest command's flags.
type options struct {
	config  string
	dryRun  bool
	format  string
	verbose bool
}

// run is the whole command, testable without a process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opts options
	code := exitOK
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH...",
		Short: "Extract a knowledge graph from meeting readouts and store it",
		Long: `ingest reads readouts (text or Markdown files with optional YAML front matter,
directories of them, JSON Lines corpora, or - for standard input), extracts
states, officials, forums, topics and who met whom, and writes them to the
configured store: an embedded file by default, or Neo4j.`,
		Example: "  ingest fixtures/readouts\n  ingest --db g.db corpus.jsonl\n  cat readout.txt | ingest -",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return argsError{errors.New("no PATH given: a readout file, a directory, a .jsonl corpus or - for standard input")}
			}
			return nil
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, paths []string) error {
			cfg, err := config.Load(opts.config, cmd.Flags(), flagKeys)
			if err != nil {
				return usageError{err}
			}
			if opts.format != "text" && opts.format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", opts.format)}
			}
			code, err = ingestPaths(ctx, cfg, opts, paths, stdin, stdout, stderr)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.config, "config", "", "config file (default ./config.yaml when present)")
	f.String("store", "", "store: embedded or neo4j (default: neo4j when neo4j.uri is set, else embedded)")
	f.String("db", "", "embedded store file")
	f.BoolVar(&opts.dryRun, "dry-run", false, "extract and print, write nothing")
	f.StringVar(&opts.format, "format", "text", "output: text or json")
	f.Int("workers", 0, "extraction workers (default: one per CPU)")
	f.Int("batch-size", 0, "rows per Neo4j write statement")
	f.String("neo4j-uri", "", "Neo4j server (bolt://, neo4j://, neo4j+s://, bolt+s://); the password comes only from DIPLOGRAPH_NEO4J_PASSWORD or a password file")
	f.String("neo4j-user", "", "Neo4j user")
	f.String("neo4j-database", "", "Neo4j database")
	f.Int64("max-file-bytes", 0, "largest readout file accepted")
	f.Int("max-line-bytes", 0, "longest JSON Lines record accepted")
	f.Int("max-records", 0, "most readouts read from one JSON Lines file")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print a line per readout")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return argsError{err} })
	cmd.SetArgs(args)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	if err := cmd.ExecuteContext(ctx); err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			fmt.Fprintln(stderr, "ingest: interrupted before anything was written")
			return exitPartial
		}
		var ae argsError
		if errors.As(err, &ae) {
			fmt.Fprintf(stderr, "ingest: %s; usage: %s (ingest --help for more)\n", render.Terminal(err.Error()), cmd.UseLine())
			return exitUsage
		}
		fmt.Fprintf(stderr, "ingest: %s\n", render.Terminal(err.Error()))
		var ue usageError
		if errors.As(err, &ue) || isSetupError(err) || code == exitOK {
			return exitUsage
		}
		return code
	}
	return code
}

// flagKeys maps flags to the config keys they override.
var flagKeys = config.FlagKeys{
	"store": "store", "db": "db", "workers": "ingest.workers", "batch-size": "neo4j.batch_size",
	"neo4j-uri": "neo4j.uri", "neo4j-user": "neo4j.user", "neo4j-database": "neo4j.database",
	"max-file-bytes": "ingest.max_file_bytes", "max-line-bytes": "ingest.max_line_bytes", "max-records": "ingest.max_records",
}

type usageError struct{ error }

// argsError is a usage error of the command line itself: a flag or the
// arguments. Its message comes with the usage line.
type argsError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func isSetupError(err error) bool {
	return errors.Is(err, config.ErrInvalid) || errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrLocked)
}

// ingestPaths runs the pipeline into the store (or, for a dry run, into
// the report only) and returns the exit code.
func ingestPaths(ctx context.Context, cfg config.Config, opts options, paths []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	var store graph.Store
	if !opts.dryRun {
		var err error
		store, err = backend.Open(ctx, cfg, backend.ReadWrite)
		if err != nil {
			return exitUsage, err
		}
		defer store.Close()
		if err := store.Migrate(ctx); err != nil {
			return exitUsage, fmt.Errorf("prepare store: %w", err)
		}
	}
	sinks := []ingest.Sink{failureLog(stderr)}
	var report *ingest.JSONReport
	if opts.format == "json" {
		report = ingest.NewJSONReport(stdout)
		sinks = append(sinks, report.Sink)
	} else {
		sinks = append(sinks, ingest.TextReport(stdout, opts.verbose || opts.dryRun))
	}
	prog := newProgress(stderr, paths)
	sum, err := ingest.Run(ctx, ingest.Options{
		Paths:   paths,
		Workers: cfg.Workers(),
		Limits: readout.Limits{
			MaxFileBytes: cfg.Ingest.MaxFileBytes,
			MaxLineBytes: cfg.Ingest.MaxLineBytes,
			MaxRecords:   cfg.Ingest.MaxRecords,
		},
		Stdin:    stdin,
		Store:    writerOf(store),
		Progress: prog.update,
	}, ingest.Chain(sinks...))
	prog.finish()
	if report != nil {
		report.Close(sum)
	}
	fmt.Fprintln(stderr, sum.Line())
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "ingest: interrupted after %d readouts; every readout written is complete, run the same ingest again to finish\n", sum.Readouts)
		return exitPartial, nil
	case err != nil:
		return exitPartial, err
	case sum.Failed > 0 || sum.Duplicates > 0:
		return exitPartial, nil
	}
	return exitOK, nil
}

// writerOf is the store as a writer, or nil for a dry run.
func writerOf(s graph.Store) graph.Writer {
	if s == nil {
		return nil
	}
	return s
}

// failureLog prints one line per input that was not ingested. File names
// and messages are escaped: a newline in a name must not forge a line.
func failureLog(w io.Writer) ingest.Sink {
	return func(_ context.Context, r *ingest.Result) error {
		if r.Err != nil {
			fmt.Fprintf(w, "ingest: %s: %s\n", render.Terminal(r.Source), render.Terminal(r.Err.Error()))
		}
		return nil
	}
}
