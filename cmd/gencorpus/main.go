// Command gencorpus writes a synthetic corpus of readouts, deterministic
// from a seed, as one JSON Lines file or a directory of text files: input
// for benchmarks and scale tests.
//
//	gencorpus [-seed 1] [-n 10000] [-dir DIR | -out FILE.jsonl]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/diplograph/diplograph/internal/corpus"
	"golang.org/x/term"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = "usage: gencorpus [-seed N] [-n N] [-dir DIR | -out FILE.jsonl]"

// isTerminal reports whether w is a terminal, where a corpus of records
// is never what anyone wants printed.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	n := fs.Int("n", 10000, "number of readouts")
	dir := fs.String("dir", "", "write text files into this directory instead of JSON Lines")
	out := fs.String("out", "-", "JSON Lines file to write (- for standard output)")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, "gencorpus writes a synthetic corpus of readouts, the same for the same seed.\n\n"+usage+"\n\nExample:\n  gencorpus -n 50000 -out corpus.jsonl")
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v; %s\n", err, usage)
		return 2
	}
	switch {
	case *n < 0:
		fmt.Fprintf(stderr, "gencorpus: -n %d: want 0 or more; %s\n", *n, usage)
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "gencorpus: unexpected argument %q; %s\n", fs.Arg(0), usage)
		return 2
	case *dir == "" && *out == "-" && isTerminal(stdout):
		fmt.Fprintf(stderr, "gencorpus: refusing to write %d records to a terminal: give -out FILE or -dir DIR, or redirect standard output; %s\n", *n, usage)
		return 2
	}
	g, err := corpus.New(*seed)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	switch {
	case *dir != "":
		err = g.WriteFiles(*dir, *n)
	case *out == "-":
		err = g.WriteJSONL(stdout, *n)
	default:
		err = corpus.WriteJSONLFile(*out, *seed, *n)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	return 0
}
