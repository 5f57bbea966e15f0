// Package readout turns raw input (text and Markdown files with optional
// YAML front matter, standard input, JSON Lines corpora) into Readouts: a
// body of text with its title, date, location and source. It knows nothing
// of extraction or storage; it only decides what a readout says and rejects
// input that is not a readout, with an error that names the reason.
package readout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Errors that describe why an input is not a readout.
var (
	ErrEmpty       = errors.New("empty readout")
	ErrBinary      = errors.New("binary content, not text")
	ErrNotUTF8     = errors.New("text is not valid UTF-8")
	ErrTooLarge    = errors.New("larger than the size limit")
	ErrFrontMatter = errors.New("malformed front matter")
	ErrLineTooLong = errors.New("line longer than the line limit")
	ErrTooMany     = errors.New("more readouts than the per-file limit")
	ErrBadRecord   = errors.New("not a JSON readout record")
	ErrNotRegular  = errors.New("not a regular file")
	ErrUTF16       = errors.New("UTF-16 text is not supported: convert it to UTF-8")
)

// Readout is one published readout, ready for extraction.
type Readout struct {
	ID       string // stable content hash of the body
	Origin   string // the input it was read from: a path, "path#id" or "path:line" in a corpus, or "-"
	Source   string // where it was published: the front matter's or record's source, else Origin
	Title    string
	Date     string // YYYY-MM-DD, or "" when unknown
	Location string
	Body     string // the text extraction reads
}

// idLength is how many hex digits of the SHA-256 the readout id keeps: 64
// bits make an accidental collision in a corpus of millions negligible.
const idLength = 16

// ContentID is the stable id of a readout body: insensitive to line-ending
// and trailing-space differences, sensitive to every word.
func ContentID(body string) string {
	sum := sha256.Sum256([]byte(normalizeSpace(body)))
	return hex.EncodeToString(sum[:])[:idLength]
}

func normalizeSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// frontMatter is the YAML header a Markdown or text readout may open with.
type frontMatter struct {
	Title    string `yaml:"title"`
	Date     string `yaml:"date"`
	Location string `yaml:"location"`
	Source   string `yaml:"source"`
}

// Parse makes a Readout of one file's content. source names the file and
// is the readout's origin.
func Parse(source string, data []byte) (Readout, error) {
	return parseAt(source, source, data)
}

// parseAt is Parse for a file whose origin (the name stored with the
// readout) differs from the name it was given by.
func parseAt(source, origin string, data []byte) (Readout, error) {
	if err := checkText(data); err != nil {
		return Readout{}, err
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return Readout{}, err
	}
	body = cleanMarkdown(body)
	if strings.TrimSpace(body) == "" {
		return Readout{}, ErrEmpty
	}
	r := Readout{Origin: origin, Source: origin, Title: fm.Title, Location: fm.Location, Body: normalizeSpace(body)}
	if fm.Source != "" {
		r.Source = fm.Source
	}
	if fm.Date != "" {
		d, ok := ParseDate(fm.Date)
		if !ok {
			return Readout{}, fmt.Errorf("%w: date %q is not a date", ErrFrontMatter, fm.Date)
		}
		r.Date = d
	}
	complete(&r)
	return r, nil
}

// complete fills what the header did not give from the text itself and
// computes the id. A dateline's place comes before one the opening
// sentences name: it is how the release itself says where it was made.
func complete(r *Readout) {
	loc, date := FindDateline(r.Body)
	if r.Date == "" {
		r.Date = date
	}
	if r.Location == "" {
		r.Location = loc
	}
	if r.Location == "" {
		r.Location = PlaceIn(r.Body)
	}
	if r.Title == "" {
		r.Title = titleOf(r.Body)
	}
	r.ID = ContentID(r.Body)
}

// checkText rejects content that is not UTF-8 text.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if looksUTF16(data) {
		return ErrUTF16
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return ErrNotUTF8
	}
	return nil
}

// splitFrontMatter separates a leading "---" YAML block from the body.
func splitFrontMatter(text string) (frontMatter, string, error) {
	var fm frontMatter
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(trimmed, "---") {
		return fm, text, nil
	}
	rest := strings.TrimPrefix(trimmed, "---")
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 || strings.TrimSpace(rest[:nl]) != "" {
		return fm, text, nil // "---" rule or dash line, not a header
	}
	rest = rest[nl+1:]
	end := findClosingFence(rest)
	if end < 0 {
		return fm, "", fmt.Errorf("%w: no closing ---", ErrFrontMatter)
	}
	header := rest[:end]
	body := rest[end:]
	body = strings.TrimPrefix(strings.TrimLeft(body, "-"), "\r")
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(header), &raw); err != nil {
		return fm, "", fmt.Errorf("%w: %s", ErrFrontMatter, joinLines(err.Error()))
	}
	// Keys are matched without regard to case, and a field has aliases:
	// two keys for one field (title and Title, location and place) would
	// leave the value to map order, a different one each run.
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	set := map[string]string{}
	for _, k := range keys {
		v := raw[k]
		s := fmt.Sprint(v)
		field := fieldOf[strings.ToLower(k)]
		if field == "" {
			continue
		}
		if first, ok := set[field]; ok {
			return fm, "", fmt.Errorf("%w: keys %q and %q both set the %s", ErrFrontMatter, first, k, field)
		}
		set[field] = k
		switch field {
		case "title":
			fm.Title = s
		case "date":
			fm.Date = yamlDate(v)
		case "location":
			fm.Location = s
		case "source":
			fm.Source = s
		}
	}
	return fm, body, nil
}

// fieldOf maps a front-matter key, in lower case, to the field it sets.
var fieldOf = map[string]string{
	"title": "title", "date": "date", "location": "location", "place": "location", "source": "source", "url": "source",
}

// yamlDate turns a YAML date value (which yaml.v3 may decode as a time) into text.
func yamlDate(v any) string {
	if t, ok := v.(interface{ Format(string) string }); ok {
		return t.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

func findClosingFence(s string) int {
	pos := 0
	for {
		line := s[pos:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		if strings.TrimRight(line, " \t\r") == "---" {
			return pos
		}
		next := strings.IndexByte(s[pos:], '\n')
		if next < 0 {
			return -1
		}
		pos += next + 1
	}
}

// joinLines puts a multi-line message on one line: yaml.v3 gives
// "yaml: unmarshal errors:" and then the errors themselves on lines of
// their own, which a first line alone would lose.
func joinLines(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// maxTitle bounds a title taken from the first line of a long paragraph.
const maxTitle = 120

// titleOf is the first non-empty line, shortened at a word boundary.
func titleOf(body string) string {
	line := ""
	for _, l := range strings.Split(body, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			line = l
			break
		}
	}
	if utf8.RuneCountInString(line) <= maxTitle {
		return line
	}
	r := []rune(line)[:maxTitle]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > maxTitle/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// looksUTF16 reports whether data is UTF-16 text: it opens with a UTF-16
// byte order mark, or, without one, every other byte of its start is zero,
// as in UTF-16 text in a Latin script.
func looksUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	n := min(len(data), 256) &^ 1
	if n < 4 {
		return false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	return (evenZero == pairs && oddZero == 0) || (oddZero == pairs && evenZero == 0)
}
