package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports a long run on stderr: a live bar on a terminal, else a
// line every few seconds, and nothing at all for a short run.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	start time.Time
	last  time.Time
}

// progressEvery is how often a run without a terminal reports.
const progressEvery = 5 * time.Second

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now(), last: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("readouts"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) update(done int) {
	if p.bar != nil {
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
