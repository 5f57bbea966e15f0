// Command gencorpus writes a synthetic corpus of readouts, deterministic
// from a seed, as one JSON Lines file or a directory of text files: input
// for benchmarks and scale tests.
//
//	gencorpus [-seed 1] [-n 10000] [-dir DIR | -out FILE.jsonl]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/diplograph/diplograph/internal/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	n := fs.Int("n", 10000, "number of readouts")
	dir := fs.String("dir", "", "write text files into this directory instead of JSON Lines")
	out := fs.String("out", "-", "JSON Lines file to write (- for standard output)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *n < 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gencorpus [-seed N] [-n N] [-dir DIR | -out FILE]")
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
