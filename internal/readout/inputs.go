package readout

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// Limits bound what one input may hold. Zero fields take the defaults.
type Limits struct {
	MaxFileBytes int64 // largest text or Markdown readout file (default 4 MiB)
	MaxLineBytes int   // longest JSON Lines record (default 4 MiB)
	MaxRecords   int   // most readouts in one JSON Lines file (default 10,000,000)
}

// Default limits.
const (
	DefaultMaxFileBytes = 4 << 20
	DefaultMaxLineBytes = 4 << 20
	DefaultMaxRecords   = 10_000_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxLineBytes <= 0 {
		l.MaxLineBytes = DefaultMaxLineBytes
	}
	if l.MaxRecords <= 0 {
		l.MaxRecords = DefaultMaxRecords
	}
	// The reader reads a limit plus one byte to tell "at the limit" from
	// "over it"; keep that sum from overflowing.
	l.MaxFileBytes = min(l.MaxFileBytes, math.MaxInt64-1)
	l.MaxLineBytes = min(l.MaxLineBytes, math.MaxInt-2)
	return l
}

// Item is one input read: a readout, or the reason the input named by
// Source is not one.
type Item struct {
	Source  string // the file, "file:line" for a corpus record, or "-"
	Readout Readout
	Err     error
}

// Reader walks inputs and yields readouts one at a time, so that a corpus of
// any size streams through in bounded memory.
type Reader struct {
	Limits Limits
	Stdin  io.Reader // what "-" reads; os.Stdin when nil
	// Skipped counts files passed over in directories because their
	// extension is not a readout's, or because they are a README.
	Skipped int
}

// textExts and corpusExts are the extensions a walked directory's readouts have.
var (
	textExts   = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true}
	corpusExts = map[string]bool{".jsonl": true, ".ndjson": true}
)

// Read yields every readout of every path, in order: a directory's files in
// lexical order, a corpus's records in file order. A failure of one input
// becomes an Item with Err set; Read stops only when emit returns an error or
// ctx is done, and returns that error.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(Item) error) error {
	lim := r.Limits.withDefaults()
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readPath(ctx, lim, p, emit); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) readPath(ctx context.Context, lim Limits, path string, emit func(Item) error) error {
	if path == "-" {
		in := r.Stdin
		if in == nil {
			in = os.Stdin
		}
		return emit(readStream("-", "-", in, lim))
	}
	info, err := os.Stat(path)
	if err != nil {
		return emit(Item{Source: path, Err: cleanFSError(err)})
	}
	if !info.IsDir() {
		return r.readFile(ctx, lim, path, info, emit)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit(Item{Source: p, Err: cleanFSError(err)})
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if (!textExts[ext] && !corpusExts[ext]) || isReadme(d.Name()) {
			r.Skipped++
			return nil
		}
		// os.Stat follows a symbolic link, as it does for a path named on
		// the command line: a link to a regular file is read either way.
		fi, err := os.Stat(p)
		if err != nil {
			return emit(Item{Source: p, Err: cleanFSError(err)})
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return r.readFile(ctx, lim, p, fi, emit)
	})
}

// isReadme reports whether a file is a README: in a directory of readouts
// it describes the directory (how they were collected or annotated) and is
// not a readout itself. Named on the command line, it is read all the same.
func isReadme(name string) bool {
	return strings.EqualFold(strings.TrimSuffix(name, filepath.Ext(name)), "readme")
}

// readFile reads one file named on the command line or found in a walk.
// Whatever its extension, it must be a regular file: a FIFO would block the
// run forever and a device such as /dev/zero never ends.
func (r *Reader) readFile(ctx context.Context, lim Limits, path string, info fs.FileInfo, emit func(Item) error) error {
	if !info.Mode().IsRegular() {
		return emit(Item{Source: path, Err: ErrNotRegular})
	}
	f, err := openRegular(path)
	if err != nil {
		return emit(Item{Source: path, Err: cleanFSError(err)})
	}
	defer f.Close()
	origin := Canonical(path)
	if corpusExts[strings.ToLower(filepath.Ext(path))] {
		return readCorpus(ctx, lim, path, origin, f, emit)
	}
	if info.Size() > lim.MaxFileBytes {
		return emit(Item{Source: path, Err: fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, info.Size(), lim.MaxFileBytes)})
	}
	return emit(readStream(path, origin, f, lim))
}

// Canonical is the name a file is stored under: absolute, cleaned, with
// symbolic links resolved, so that one file reached by two paths (a.txt,
// ./a.txt, /abs/a.txt, a link to it) is one readout, not two.
func Canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// openRegular opens path for reading without blocking on a FIFO (the file
// may have been swapped since it was checked) and refuses anything that is
// not, once open, a regular file.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotRegular
	}
	return f, nil
}

// readStream reads one text readout, refusing to hold more than the limit.
// source names it in messages; origin is the name it is stored under.
func readStream(source, origin string, in io.Reader, lim Limits) Item {
	data, err := io.ReadAll(io.LimitReader(in, lim.MaxFileBytes+1))
	if err != nil {
		return Item{Source: source, Err: cleanFSError(err)}
	}
	if int64(len(data)) > lim.MaxFileBytes {
		return Item{Source: source, Err: fmt.Errorf("%w (limit %d bytes)", ErrTooLarge, lim.MaxFileBytes)}
	}
	rd, err := parseAt(source, origin, data)
	return Item{Source: source, Readout: rd, Err: err}
}

// record is one line of a JSON Lines corpus.
type record struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Location string `json:"location"`
	Text     string `json:"text"`
	Source   string `json:"source"`
}

func readCorpus(ctx context.Context, lim Limits, path, origin string, f io.Reader, emit func(Item) error) error {
	br := bufio.NewReaderSize(f, 64<<10)
	records := 0
	for line := 1; ; line++ {
		if line%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		raw, tooLong, err := readLine(br, lim.MaxLineBytes)
		if err == io.EOF && len(raw) == 0 && !tooLong {
			return nil
		}
		if err != nil && err != io.EOF {
			return emit(Item{Source: path, Err: cleanFSError(err)})
		}
		src := fmt.Sprintf("%s:%d", path, line)
		if tooLong {
			if e := emit(Item{Source: src, Err: fmt.Errorf("%w (limit %d bytes)", ErrLineTooLong, lim.MaxLineBytes)}); e != nil {
				return e
			}
			continue
		}
		if line == 1 && looksUTF16(raw) {
			return emit(Item{Source: path, Err: ErrUTF16})
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		if records++; records > lim.MaxRecords {
			return emit(Item{Source: src, Err: fmt.Errorf("%w (%d)", ErrTooMany, lim.MaxRecords)})
		}
		if e := emit(parseRecord(origin, src, fmt.Sprintf("%s:%d", origin, line), raw)); e != nil {
			return e
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line, discarding (and flagging) one longer than max
// without holding it in memory. The limit counts the line's own bytes:
// not its "\n" or "\r\n", and the same whether or not the last line of
// the file ends in one.
func readLine(br *bufio.Reader, max int) ([]byte, bool, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			// Room for the line and its "\r\n"; anything more is too long.
			if len(buf)+len(chunk) > max+2 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		if len(line) > max {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// parseRecord reads one corpus line: src names it in messages, at is its
// line as an origin, and path is the corpus's origin.
func parseRecord(path, src, at string, raw []byte) Item {
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return Item{Source: src, Err: fmt.Errorf("%w: %s", ErrBadRecord, err)}
	}
	if err := checkText([]byte(rec.Text)); err != nil {
		return Item{Source: src, Err: err}
	}
	body := normalizeSpace(cleanMarkdown(rec.Text))
	rd := Readout{Origin: at, Source: rec.Source, Title: rec.Title, Location: rec.Location, Body: body}
	if rec.ID != "" {
		// A record id names the readout across edits of the corpus; a line
		// number does not.
		rd.Origin = path + "#" + rec.ID
	}
	if rd.Source == "" {
		rd.Source = rd.Origin
	}
	if rec.Date != "" {
		d, ok := ParseDate(rec.Date)
		if !ok {
			return Item{Source: src, Err: fmt.Errorf("%w: date %q is not a date", ErrBadRecord, rec.Date)}
		}
		rd.Date = d
	}
	complete(&rd)
	return Item{Source: src, Readout: rd}
}

// cleanFSError drops the path an os error repeats, since the item names it.
func cleanFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
