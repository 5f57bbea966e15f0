package readout

import (
	"bufio"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestFrontMatterKeysThatCollide: keys differing only in case, or aliases
// of one field, gave a value chosen by map order, a different one per run;
// they are an error naming both keys.
func TestFrontMatterKeysThatCollide(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"title: a\nTitle: b", `keys "Title" and "title" both set the title`},
		{"DATE: 2024-01-02\ndate: 2024-01-03", `keys "DATE" and "date" both set the date`},
		{"location: Paris\nplace: Rome", `keys "location" and "place" both set the location`},
		{"source: a\nURL: b", `keys "URL" and "source" both set the source`},
	} {
		for range 5 { // map order varies; every run must give the same answer
			_, err := Parse("x.md", []byte("---\n"+c.header+"\n---\nMinister A met Minister B."))
			if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%q: got %v, want %q", c.header, err, c.want)
			}
		}
	}
	if r, err := Parse("x.md", []byte("---\nTitle: a\nPlace: Rome\n---\nMinister A met Minister B.")); err != nil || r.Title != "a" || r.Location != "Rome" {
		t.Errorf("one key per field, any case: %+v, %v", r, err)
	}
}

// TestYAMLErrorsKeptWhole: yaml.v3 puts the error itself on the line after
// "yaml: unmarshal errors:"; the message keeps it, on one line.
func TestYAMLErrorsKeptWhole(t *testing.T) {
	_, err := Parse("x.md", []byte("---\ntitle: a\ntitle: b\n---\nMinister A met Minister B."))
	if err == nil || !strings.Contains(err.Error(), `mapping key "title" already defined`) || strings.Contains(err.Error(), "\n") {
		t.Errorf("got %q, want one line naming the repeated key", err)
	}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestUTF16IsNamed: UTF-16 text was called binary content; it is named,
// with what to do about it, in a file, a corpus and on standard input.
func TestUTF16IsNamed(t *testing.T) {
	text := "Foreign Minister A met Foreign Minister B."
	dir := t.TempDir()
	for _, c := range []struct {
		name      string
		big, bom  bool
		extension string
	}{
		{"le-bom", false, true, ".txt"}, {"be-bom", true, true, ".txt"}, {"le", false, false, ".txt"}, {"be", true, false, ".md"},
		{"corpus-le-bom", false, true, ".jsonl"}, {"corpus-be", true, false, ".jsonl"},
	} {
		data := text
		if c.extension == ".jsonl" {
			data = `{"id":"1","text":"` + text + `"}` + "\n"
		}
		path := filepath.Join(dir, c.name+c.extension)
		os.WriteFile(path, utf16Bytes(data, c.big, c.bom), 0o644)
		items := readAll(t, &Reader{}, path)
		if len(items) != 1 || !errors.Is(items[0].Err, ErrUTF16) {
			t.Errorf("%s: got %+v, want one %q", c.name, items, ErrUTF16)
		}
	}
	items := readAll(t, &Reader{Stdin: strings.NewReader(string(utf16Bytes(text, false, true)))}, "-")
	if len(items) != 1 || !errors.Is(items[0].Err, ErrUTF16) {
		t.Errorf("stdin: got %+v", items)
	}
	if _, err := Parse("b.txt", []byte("\x00\x01\x02binary")); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: got %v", err)
	}
}

// TestLineLimitIsExact: a record of exactly the limit is read, one byte
// more is not, whatever the line ending and whether or not the file ends
// in one.
func TestLineLimitIsExact(t *testing.T) {
	const max = 10
	for _, c := range []struct {
		in      string
		tooLong bool
	}{
		{"0123456789\n", false},
		{"0123456789\r\n", false},
		{"0123456789", false},
		{"0123456789A\n", true},
		{"0123456789A\r\n", true},
		{"0123456789A", true},
		{"", false},
	} {
		br := bufio.NewReaderSize(strings.NewReader(c.in), 16)
		line, tooLong, _ := readLine(br, max)
		if tooLong != c.tooLong {
			t.Errorf("%q: too long %v, want %v", c.in, tooLong, c.tooLong)
		}
		if !tooLong && string(line) != strings.TrimRight(c.in, "\r\n") {
			t.Errorf("%q: line %q", c.in, line)
		}
	}
	// Through the reader, with a record of exactly the limit last and
	// without a newline.
	rec := `{"id":"a","text":"Minister A met Minister B."}`
	path := filepath.Join(t.TempDir(), "c.jsonl")
	os.WriteFile(path, []byte(rec+"\r\n"+rec[:len(rec)-1]+`, "x":1}`), 0o644)
	items := readAll(t, &Reader{Limits: Limits{MaxLineBytes: len(rec)}}, path)
	if len(items) != 2 || items[0].Err != nil || !errors.Is(items[1].Err, ErrLineTooLong) {
		t.Errorf("got %+v; want the first record read and the second too long", items)
	}
}

// TestHugeLimitsDoNotOverflow: limits at the integer maximum read files
// as if there were no limit, instead of wrapping round and calling every
// file empty.
func TestHugeLimitsDoNotOverflow(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Foreign Minister A met Foreign Minister B."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte(`{"id":"1","text":"Minister C met Minister D."}`), 0o644)
	items := readAll(t, &Reader{Limits: Limits{MaxFileBytes: math.MaxInt64, MaxLineBytes: math.MaxInt, MaxRecords: math.MaxInt}}, dir)
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Errorf("got %+v, want two readouts", items)
	}
}
