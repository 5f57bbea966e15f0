package readout

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	r, err := Parse("a.md", []byte("---\ntitle: Talks in Rome\ndate: 2024-02-21\nlocation: Rome\nsource: https://example.org/r\n---\n# Heading\n\nForeign Minister A met **Minister B**.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Talks in Rome" || r.Date != "2024-02-21" || r.Location != "Rome" || r.Source != "https://example.org/r" || r.Origin != "a.md" {
		t.Errorf("got %+v", r)
	}
	if strings.Contains(r.Body, "**") || strings.Contains(r.Body, "#") {
		t.Errorf("markdown left in body: %q", r.Body)
	}
}

func TestParseBadInput(t *testing.T) {
	cases := []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t\n", ErrEmpty},
		{"binary", "PK\x03\x04\x00\x00binary", ErrBinary},
		{"not utf-8", "Caf\xe9 au lait in Paris", ErrNotUTF8},
		{"unclosed front matter", "---\ntitle: x\nno end", ErrFrontMatter},
		{"bad yaml", "---\ntitle: [unclosed\n---\nbody text here", ErrFrontMatter},
		{"bad date", "---\ndate: sometime soon\n---\nbody text here", ErrFrontMatter},
		{"front matter only", "---\ntitle: x\n---\n", ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("x.txt", []byte(c.data))
			if !errors.Is(err, c.want) {
				t.Errorf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestDatelines(t *testing.T) {
	cases := []struct{ body, loc, date string }{
		{"New Delhi, 4 March 2023 (TDI): The minister met ...", "New Delhi", "2023-03-04"},
		{"Title line\nMarch 4, 2023\n\nThe Secretary met ...", "", "2023-03-04"},
		{"Tokyo, March 4, 2023 — The ministers met", "Tokyo", "2023-03-04"},
		{"Brussels, 10 Jul. 2023 - NATO allies met", "Brussels", "2023-07-10"},
		{"2023-03-04\nThe ministers met", "", "2023-03-04"},
		{"The ministers met and talked.", "", ""},
		{"Paris, Tuesday 31 April 2023: no such day", "", ""},
	}
	for _, c := range cases {
		loc, date := FindDateline(c.body)
		if loc != c.loc || date != c.date {
			t.Errorf("%q: got %q %q, want %q %q", c.body, loc, date, c.loc, c.date)
		}
	}
}

func TestResolveDates(t *testing.T) {
	if d, ok := ResolvePartial("on March 4", "2023-03-10"); !ok || d != "2023-03-04" {
		t.Errorf("March 4 near 2023-03-10: %q %v", d, ok)
	}
	if d, ok := ResolvePartial("on 28 December", "2024-01-03"); !ok || d != "2023-12-28" {
		t.Errorf("28 December near 2024-01-03: %q %v", d, ok)
	}
	if d, err := ResolveRelative("Tuesday", "2024-07-26"); err != nil || d != "2024-07-23" {
		t.Errorf("Tuesday before Friday 2024-07-26: %q %v", d, err)
	}
	if d, err := ResolveRelative("yesterday", "2024-03-01"); err != nil || d != "2024-02-29" {
		t.Errorf("yesterday: %q %v", d, err)
	}
}

// readAll runs a Reader over paths and returns what it yielded.
func readAll(t *testing.T, r *Reader, paths ...string) []Item {
	t.Helper()
	var items []Item
	if err := r.Read(context.Background(), paths, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items
}

func TestReaderBadFilesDoNotStopTheRest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Foreign Minister A met Foreign Minister B.")
	write("b.bin.txt", "\x00\x01\x02")
	write("c.md", "")
	write("d.txt", "Caf\xe9")
	write("e.md", "---\ntitle: [\n---\ntext")
	write("f.pdf", "not a readout by its extension")
	write("README.md", "# About these readouts\n\nHow they were collected.\n")
	write("g.jsonl", `{"id":"r1","title":"One","date":"2024-01-02","text":"Minister A met Minister B."}`+"\n"+
		"this is not json\n"+
		`{"id":"r2","text":"Minister C met Minister D."}`+"\n")
	big := filepath.Join(dir, "h.txt")
	f, _ := os.Create(big)
	f.Truncate(50 << 20) // a 50 MB file, sparse: refused by its size without being read
	f.Close()
	unreadable := filepath.Join(dir, "i.txt")
	write("i.txt", "Minister E met Minister F.")
	os.Chmod(unreadable, 0)

	r := &Reader{}
	items := readAll(t, r, dir, filepath.Join(dir, "missing.txt"))
	errs := map[string]error{}
	ok := map[string]bool{}
	for _, it := range items {
		if it.Err != nil {
			errs[filepath.Base(it.Source)] = it.Err
		} else {
			ok[filepath.Base(it.Readout.Origin)] = true
		}
	}
	for _, want := range []string{"a.txt", "g.jsonl#r1", "g.jsonl#r2"} {
		if !ok[want] {
			t.Errorf("%s was not read; errors %v", want, errs)
		}
	}
	wantErr := map[string]error{
		"b.bin.txt": ErrBinary, "c.md": ErrEmpty, "d.txt": ErrNotUTF8, "e.md": ErrFrontMatter,
		"g.jsonl:2": ErrBadRecord, "h.txt": ErrTooLarge,
	}
	for name, want := range wantErr {
		if !errors.Is(errs[name], want) {
			t.Errorf("%s: got %v, want %v", name, errs[name], want)
		}
	}
	if errs["missing.txt"] == nil {
		t.Error("a missing path gave no error")
	}
	if os.Geteuid() != 0 && errs["i.txt"] == nil {
		t.Error("an unreadable file gave no error")
	}
	if r.Skipped != 2 {
		t.Errorf("skipped %d files, want 2 (f.pdf, README.md)", r.Skipped)
	}
	if _, read := ok["README.md"]; read {
		t.Error("a directory's README was read as a readout")
	}
}

func TestReaderLimits(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.jsonl")
	long := `{"id":"x","text":"` + strings.Repeat("a", 2000) + `"}`
	data := `{"id":"1","text":"Minister A met Minister B."}` + "\n" + long + "\n" +
		`{"id":"2","text":"Minister C met Minister D."}` + "\n" + `{"id":"3","text":"Minister E met Minister F."}` + "\n"
	os.WriteFile(path, []byte(data), 0o644)
	r := &Reader{Limits: Limits{MaxLineBytes: 1000, MaxRecords: 2}}
	items := readAll(t, r, path)
	var lineErr, countErr bool
	read := 0
	for _, it := range items {
		switch {
		case errors.Is(it.Err, ErrLineTooLong):
			lineErr = true
		case errors.Is(it.Err, ErrTooMany):
			countErr = true
		case it.Err == nil:
			read++
		}
	}
	if !lineErr || !countErr || read != 2 {
		t.Errorf("line error %v, count error %v, read %d; want true true 2", lineErr, countErr, read)
	}
}

func TestStdin(t *testing.T) {
	r := &Reader{Stdin: strings.NewReader("Foreign Minister A met Foreign Minister B.")}
	items := readAll(t, r, "-")
	if len(items) != 1 || items[0].Err != nil || items[0].Readout.Origin != "-" {
		t.Errorf("stdin: %+v", items)
	}
}

func TestContentIDIsStable(t *testing.T) {
	if ContentID("a\r\nb  \n") != ContentID("a\nb") {
		t.Error("line endings and trailing spaces change the id")
	}
	if ContentID("a b") == ContentID("a c") {
		t.Error("different words give the same id")
	}
}

func TestDateIn(t *testing.T) {
	cases := []struct{ sentence, ref, want string }{
		{"The Secretary met the Minister on Tuesday.", "2024-07-26", "2024-07-23"},
		{"They spoke by phone today.", "2024-07-26", "2024-07-26"},
		{"On March 4 the ministers met in Delhi.", "2023-03-10", "2023-03-04"},
		{"The ministers met on 28 December.", "2024-01-03", "2023-12-28"},
		{"Tokyo, 4 March 2023: the ministers met.", "2023-03-04", "2023-03-04"},
		{"They recalled the treaty signed on 4 March 1990.", "2023-03-04", ""},
		{"They will meet again on 1 June 2024.", "2023-03-04", ""},
		{"The ministers met.", "2023-03-04", ""},
		{"They spoke on Tuesday.", "", ""},
	}
	for _, c := range cases {
		got, _ := DateIn(c.sentence, c.ref)
		if got != c.want {
			t.Errorf("DateIn(%q, %q) = %q, want %q", c.sentence, c.ref, got, c.want)
		}
	}
}
