// Command evaluate scores extraction against a set of hand-annotated
// readouts and prints precision, recall and F1 per category and the core
// micro-F1, by the same rules as the reference scorer score.py.
//
//	evaluate [-misses] [-format table|score] DIR
//
// DIR holds gold/*.json beside readouts/ (each gold file names its
// readout), or NAME.gold.json beside NAME.txt or NAME.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/diplograph/diplograph/internal/eval"
	"github.com/diplograph/diplograph/internal/extract"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // the set could not be read
	exitUsage = 2
)

// options are the command's flags and argument.
type options struct {
	dir    string
	misses bool
	format string
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.misses, "misses", false, "after the figures, list every missed and spurious item (tab-separated: file, category, kind, item, evidence, near)")
	fs.StringVar(&o.format, "format", "table", "figures as a table, or as score.py prints them (score)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: evaluate [-misses] [-format table|score] DIR\n\nScores extraction against the gold annotations in DIR: gold/*.json beside\nreadouts/, or NAME.gold.json beside NAME.txt or NAME.md.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return o, errors.New("want one directory")
	}
	if o.format != "table" && o.format != "score" {
		return o, fmt.Errorf("-format %q: want table or score", o.format)
	}
	o.dir = fs.Arg(0)
	return o, nil
}

// run is the whole command, testable without a process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parse(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
		}
		return exitUsage
	}
	x, err := extract.New()
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return exitFail
	}
	rep, err := eval.Run(ctx, x, o.dir)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return exitFail
	}
	write := rep.WriteTable
	if o.format == "score" {
		write = rep.WriteScorePy
	}
	if err := write(stdout); err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return exitFail
	}
	if o.misses {
		fmt.Fprintln(stdout)
		if err := rep.WriteMisses(stdout); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return exitFail
		}
	}
	return exitOK
}
