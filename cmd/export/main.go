// Command export writes the knowledge graph, or the slice of it dated
// within a range, for the tools analysts already use: GraphML for Gephi,
// yEd, Cytoscape and networkx; the CSV files neo4j-admin imports; and an
// event table (CSV or JSON Lines) in the shape GDELT users know.
//
//	export --format graphml|csv|events [--events-as csv|jsonl] [--since D] [--until D] [--out PATH]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/diplograph/diplograph/internal/backend"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/export"
	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/query"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = "usage: export --format graphml|csv|events [--events-as csv|jsonl] [--since D] [--until D] [--out PATH] [--config FILE] [--store embedded|neo4j] [--db FILE]"

// run exports as the arguments say: exit 0 when done, 1 when the export
// failed, 2 for a usage or configuration error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "", "graphml, csv (neo4j-admin import files, into --out as a directory) or events")
	eventsAs := fs.String("events-as", "csv", "the events table as csv or jsonl")
	since := fs.String("since", "", "only facts on or after this year, month or day")
	until := fs.String("until", "", "only facts on or before this year, month or day")
	out := fs.String("out", "", "file to write (a directory for --format csv); standard output when omitted")
	cfgFile := fs.String("config", "", "config file (default ./config.yaml when present)")
	fs.String("store", "", "embedded or neo4j")
	fs.String("db", "", "the embedded store's file")
	fs.String("neo4j-uri", "", "Neo4j URI")
	fs.String("neo4j-user", "", "Neo4j user")
	fs.String("neo4j-database", "", "Neo4j database")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "export: %v\n%s\n", err, usage)
		return 2
	}
	if fs.NArg() > 0 || (*format != "graphml" && *format != "csv" && *format != "events") || (*format == "csv" && *out == "") {
		fmt.Fprintf(stderr, "export: %s\n", usageProblem(*format, *out, fs.Args()))
		fmt.Fprintln(stderr, usage)
		return 2
	}
	qr, err := query.ParseRange(*since, *until)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n%s\n", err, usage)
		return 2
	}
	r := graph.DateRange{Since: qr.Since, Until: qr.Until}
	r.Since, r.Until = dayBounds(r.Since, r.Until)
	cfg, err := config.Load(*cfgFile, fs, config.FlagKeys{"store": "store", "db": "db", "neo4j-uri": "neo4j.uri",
		"neo4j-user": "neo4j.user", "neo4j-database": "neo4j.database"})
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 2
	}
	store, err := backend.Open(ctx, cfg, backend.ReadOnly)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 2
	}
	defer store.Close()
	src, ok := store.(export.Source)
	if !ok {
		fmt.Fprintf(stderr, "export: the %s store cannot stream its graph\n", cfg.Store)
		return 2
	}
	if err := write(ctx, src, r, *format, *eventsAs, *out, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 1
	}
	return 0
}

func usageProblem(format, out string, rest []string) string {
	switch {
	case len(rest) > 0:
		return fmt.Sprintf("unexpected argument %q", rest[0])
	case format == "":
		return "--format is required"
	case format == "csv" && out == "":
		return "--format csv writes a directory of files: give it with --out DIR"
	}
	return fmt.Sprintf("--format %q: graphml, csv or events", format)
}

// dayBounds widens a year or month bound to the day that opens or closes
// it, as the stores compare whole dates.
func dayBounds(since, until string) (string, string) {
	switch len(since) {
	case 4:
		since += "-01-01"
	case 7:
		since += "-01"
	}
	switch len(until) {
	case 4:
		until += "-12-31"
	case 7:
		until += "-31" // no month has a later day; dates compare as text
	}
	return since, until
}

func write(ctx context.Context, src export.Source, r graph.DateRange, format, eventsAs, out string, stdout, stderr io.Writer) error {
	if format == "csv" {
		cmd, err := export.AdminCSV(ctx, src, r, out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s; load it into a new Neo4j database with:\n  %s\n", out, cmd)
		return nil
	}
	w, done, err := output(out, stdout)
	if err != nil {
		return err
	}
	switch format {
	case "graphml":
		err = export.GraphML(ctx, src, r, w)
	default:
		err = export.Events(ctx, src, r, eventsAs, w)
	}
	return errors.Join(err, done(err))
}

// output is the file to write (replaced only once whole), or stdout.
func output(path string, stdout io.Writer) (io.Writer, func(error) error, error) {
	if path == "" || path == "-" {
		return stdout, func(error) error { return nil }, nil
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return nil, nil, err
	}
	return f, func(failed error) error {
		if err := f.Close(); err != nil || failed != nil {
			os.Remove(tmp)
			return err
		}
		return os.Rename(tmp, path)
	}, nil
}
