package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// viewCommand writes one self-contained HTML page drawing a question's
// answer: `query view path US Japan --out p.html` is the path question
// asked with --format html, written to the file once whole.
func viewCommand(ctx context.Context, stderr io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "view QUESTION... --out FILE.html",
		Short: "An interactive page (one file, works offline) drawing a graph-shaped answer",
		Example: "  query view path US Japan --out us-japan.html\n" +
			"  query view ego Kamikawa --depth 2 --out kamikawa.html",
		DisableFlagParsing: true, // the question's flags are the question's
		RunE: func(cmd *cobra.Command, args []string) error {
			out, rest, err := outFlag(args)
			if err != nil {
				return argsError{err}
			}
			tmp := out + ".tmp"
			f, err := os.Create(tmp)
			if err != nil {
				return setupError{err}
			}
			code := run(ctx, append([]string{"--format", "html"}, rest...), f, stderr)
			if cerr := f.Close(); cerr != nil && code == 0 {
				code = exitQuery
			}
			if code != 0 {
				os.Remove(tmp)
				return quietExit{code}
			}
			if err := os.Rename(tmp, out); err != nil {
				return setupError{err}
			}
			fmt.Fprintf(stderr, "wrote %s\n", out)
			return nil
		},
	}
}

// outFlag takes --out FILE (or --out=FILE) out of the question's words.
func outFlag(args []string) (string, []string, error) {
	var out string
	var rest []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--out" && i+1 < len(args):
			out = args[i+1]
			i++
		case len(a) > 6 && a[:6] == "--out=":
			out = a[6:]
		default:
			rest = append(rest, a)
		}
	}
	if out == "" {
		return "", nil, errors.New("--out FILE.html is required")
	}
	if len(rest) == 0 {
		return "", nil, errors.New("no question to draw")
	}
	return out, rest, nil
}
