package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports a long run on stderr: a live bar on a terminal, else a
// line every few seconds, and nothing at all for a short run. The bar
// shows a total, a percentage and the time left whenever the total can be
// known before the run: the readout files of the paths and the records of
// JSON Lines corpora; standard input keeps it a running count.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	total int
	start time.Time
	last  time.Time
}

// progressEvery is how often a run without a terminal reports.
const progressEvery = 5 * time.Second

func newProgress(w io.Writer, paths []string) *progress {
	p := &progress{w: w, start: time.Now(), last: time.Now(), total: -1}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	p.total = expected(paths)
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("readouts"),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionClearOnFinish(),
	}
	if p.total > 0 {
		opts = append(opts, progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth())
	}
	p.bar = progressbar.NewOptions(p.total, opts...)
	return p
}

func (p *progress) update(done int) {
	if p.bar != nil {
		if p.total > 0 && done > p.total {
			p.total = done // the estimate fell short
			p.bar.ChangeMax(done)
		}
		p.bar.Set(done)
		return
	}
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.last = now
		fmt.Fprintf(p.w, "ingest: %d readouts in %s\n", done, now.Sub(p.start).Round(time.Second))
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// expected counts the readouts the paths hold, as ingest will read them:
// text and Markdown files (README files aside), a directory's walked, and
// a corpus's lines. It is -1 when that cannot be known before the run
// (standard input, or a path that cannot be read).
func expected(paths []string) int {
	total := 0
	for _, path := range paths {
		if path == "-" {
			return -1
		}
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch ext := strings.ToLower(filepath.Ext(p)); {
			case ext == ".jsonl" || ext == ".ndjson":
				n, err := countLines(p)
				total += n
				return err
			case (ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown") &&
				!strings.EqualFold(strings.TrimSuffix(d.Name(), filepath.Ext(d.Name())), "readme"):
				total++
			}
			return nil
		})
		if err != nil {
			return -1
		}
	}
	return total
}

// countLines counts a corpus's non-empty lines, a record each.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, atStart := 0, true
	r := bufio.NewReaderSize(f, 1<<20)
	buf := make([]byte, 1<<20)
	for {
		k, err := r.Read(buf)
		for _, line := range bytes.SplitAfter(buf[:k], []byte("\n")) {
			if len(bytes.TrimSpace(line)) > 0 && atStart {
				n++
				atStart = false
			}
			if bytes.HasSuffix(line, []byte("\n")) {
				atStart = true
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
