// Command gencorpus writes a synthetic corpus of readouts, deterministic
// from a seed, as one JSON Lines file or a directory of text files: input
// for benchmarks and scale tests. With -stats it prints the shape the
// corpus gives once extracted instead.
//
//	gencorpus [-seed 1] [-n 10000] [-shape world|uniform] [-dir DIR | -out FILE.jsonl | -stats]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/diplograph/diplograph/internal/corpus"
	"github.com/diplograph/diplograph/internal/extract"
	"golang.org/x/term"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = "usage: gencorpus [-seed N] [-n N] [-shape world|uniform] [-skew S] [-dir DIR | -out FILE | -stats]"

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
	shape := fs.String("shape", "world", "world: every state, real and generated officials, a long tail of topics, Zipf-skewed; uniform: real office holders and taxonomy topics drawn evenly")
	skew := fs.Float64("skew", 0, "Zipf exponent of the world shape (default 1.1)")
	dir := fs.String("dir", "", "write text files into this directory instead of JSON Lines")
	out := fs.String("out", "-", "JSON Lines file to write (- for standard output)")
	stats := fs.Bool("stats", false, "print the shape the corpus gives once extracted (nodes by label, edges by type, degrees, readouts by year) instead of writing it")
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
	case *shape != "world" && *shape != "uniform":
		fmt.Fprintf(stderr, "gencorpus: -shape %q: want world or uniform; %s\n", *shape, usage)
		return 2
	case !*stats && *dir == "" && *out == "-" && isTerminal(stdout):
		fmt.Fprintf(stderr, "gencorpus: refusing to write %d records to a terminal: give -out FILE or -dir DIR, or redirect standard output; %s\n", *n, usage)
		return 2
	}
	g, err := newGenerator(*shape, *seed, *skew)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	switch {
	case *stats:
		x, err := extract.New()
		if err != nil {
			fmt.Fprintf(stderr, "gencorpus: %v\n", err)
			return 1
		}
		corpus.MeasureShape(g, x, *n).Write(stdout)
		return 0
	case *dir != "":
		err = g.WriteFiles(*dir, *n)
	case *out == "-":
		err = g.WriteJSONL(stdout, *n)
	default:
		err = writeFile(g, *out, *n)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	return 0
}

func newGenerator(shape string, seed uint64, skew float64) (*corpus.Generator, error) {
	if shape == "uniform" {
		return corpus.New(seed)
	}
	return corpus.NewWorld(corpus.WorldOptions{Seed: seed, Skew: skew})
}

// writeFile writes the corpus to path, replacing it only once whole.
func writeFile(g *corpus.Generator, path string, n int) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := g.WriteJSONL(f, n); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
