// Command evaluate scores extraction against an annotated set of readouts
// (each NAME.txt or NAME.md beside a NAME.gold.json) and prints precision,
// recall and F1 per category and a micro-F1.
//
//	evaluate [-misses] DIR
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/diplograph/diplograph/internal/eval"
	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/lexicon"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	misses := fs.Bool("misses", false, "list every missed and spurious item")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: evaluate [-misses] DIR\n\nScores extraction against the *.gold.json annotations in DIR.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	x, err := extract.New()
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 2
	}
	rep, err := eval.Run(x, lexicon.MustDefault(), fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, rep.Table())
	if *misses {
		for _, m := range rep.Misses {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", m.File, m.Category, m.Kind, m.Item)
		}
	}
	return 0
}
