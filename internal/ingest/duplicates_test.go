package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/graph/embedded"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/schema"
)

// TestDuplicatesReportedAndRerunsUnchanged ingests corpora holding the same
// id twice, or the same text under two ids, and one file named by two
// paths: each later copy is reported by line and counted, nothing is lost
// silently, and a second run over the same input reports every readout
// unchanged.
func TestDuplicatesReportedAndRerunsUnchanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := `{"id":"r1","text":"Foreign Minister A met Foreign Minister B in Tokyo."}`
	b := `{"id":"r1","text":"Foreign Minister C met Foreign Minister D in Paris."}`
	c := `{"id":"r2","text":"Foreign Minister A met Foreign Minister B in Tokyo."}`
	sameID := write("same-id.jsonl", a+"\n"+b+"\n")
	sameText := write("same-text.jsonl", strings.Replace(a, "Tokyo", "Rome", 1)+"\n"+strings.Replace(c, "Tokyo", "Rome", 1)+"\n")
	file := write("one.txt", "Foreign Minister E met Foreign Minister F in Delhi.")
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	paths := []string{sameID, sameText, "one.txt", "./one.txt", file, link}

	s, err := embedded.Open(filepath.Join(dir, "g.db"), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	run := func() (Summary, map[string]string) {
		dups := map[string]string{}
		sum, err := Run(ctx, Options{Paths: paths, Store: s}, func(_ context.Context, r *Result) error {
			if errors.Is(r.Err, ErrDuplicate) {
				dups[r.Source] = r.Err.Error()
			} else if r.Err != nil {
				t.Errorf("%s: %v", r.Source, r.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return sum, dups
	}
	first, dups := run()
	wantDups := map[string]string{
		sameID + ":2":   "same file or record id as " + sameID + ":1",
		sameText + ":2": "same text as " + sameText + ":1",
		"./one.txt":     "same file or record id as one.txt",
		file:            "same file or record id as one.txt",
		link:            "same file or record id as one.txt",
	}
	for src, want := range wantDups {
		if !strings.Contains(dups[src], want) {
			t.Errorf("%s: got %q, want a duplicate error saying %q", src, dups[src], want)
		}
	}
	if first.Created != 3 || first.Duplicates != 5 || first.Readouts != 3 {
		t.Errorf("first run: %+v; want 3 new, 5 duplicates", first)
	}
	second, _ := run()
	if second.Unchanged != 3 || second.Replaced != 0 || second.Created != 0 || second.Duplicates != 5 {
		t.Errorf("second run: %+v; want 3 unchanged, 5 duplicates", second)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := st.Nodes[schema.Readout]; n != 3 {
		t.Errorf("the store holds %d readouts, want 3", n)
	}
}

// TestInputNamesGiveBackEachName checks the compact names give back every
// name as it was added, records' file:line and names kept whole alike.
func TestInputNamesGiveBackEachName(t *testing.T) {
	in := inputNames{files: map[string]int32{}}
	names := []string{"corpus.jsonl:1", "corpus.jsonl:2", "other.jsonl:1", "readouts/a.txt", "-", "c.jsonl:007",
		"dir:with:colons/x.md", "c.jsonl:99999999999", "corpus.jsonl:", ":5"}
	for _, n := range names {
		in.add(n)
	}
	for i, want := range names {
		if got := in.name(int32(i)); got != want {
			t.Errorf("name %d: got %q, want %q", i, got, want)
		}
	}
	if len(in.list) != len(names)-1 {
		t.Errorf("%d files kept for %d names: corpus.jsonl kept more than once", len(in.list), len(names))
	}
}

// TestFirstsNameEveryEarlierInput fills the duplicate memory with inputs
// from two corpora (with lines skipped), whole file names and ids that are
// not content hashes, enough for its tables to grow many times, then
// repeats each input's id and origin: every repeat must name the input it
// repeats, and every new input must pass.
func TestFirstsNameEveryEarlierInput(t *testing.T) {
	type input struct{ source, id, origin string }
	var inputs []input
	for i := range 30000 {
		in := input{id: fmt.Sprintf("%016x", uint64(i+1)*0x9E3779B97F4A7C15), origin: fmt.Sprintf("rec-%d", i)}
		switch {
		case i%1000 == 999:
			in.source = fmt.Sprintf("notes/%d.txt", i) // a whole name
		case i < 20000:
			in.source = fmt.Sprintf("a.jsonl:%d", i+1+i/7000) // a line skipped now and then
		default:
			in.source = fmt.Sprintf("b.jsonl:%d", i+1)
		}
		if i%5 == 0 {
			in.id = fmt.Sprintf("not-a-content-id-%d", i)
		}
		if i%3 == 0 {
			in.origin = "" // only the id to go by
		}
		inputs = append(inputs, in)
	}
	f := newFirsts()
	item := func(source, id, origin string) readout.Item {
		return readout.Item{Source: source, Readout: readout.Readout{ID: id, Origin: origin}}
	}
	for _, in := range inputs {
		if err := f.check(item(in.source, in.id, in.origin)); err != nil {
			t.Fatalf("%s: %v", in.source, err)
		}
	}
	for i, in := range inputs {
		err := f.check(item("again", in.id, fmt.Sprintf("new-origin-%d", i)))
		if want := "same text as " + in.source + ";"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("repeating the id of %s: %v, want %q", in.source, err, want)
		}
		if in.origin == "" {
			continue
		}
		err = f.check(item("again", fmt.Sprintf("new-id-%d", i), in.origin))
		if want := "same file or record id as " + in.source + ";"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("repeating the origin of %s: %v, want %q", in.source, err, want)
		}
	}
}
