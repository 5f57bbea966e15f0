package readout

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// readWithin is readAll with a deadline: a special file must be refused,
// not read, so the whole read takes moments.
func readWithin(t *testing.T, paths ...string) []Item {
	t.Helper()
	done := make(chan []Item, 1)
	go func() {
		var items []Item
		(&Reader{}).Read(context.Background(), paths, func(it Item) error {
			items = append(items, it)
			return nil
		})
		done <- items
	}()
	select {
	case items := <-done:
		return items
	case <-time.After(10 * time.Second):
		t.Fatalf("reading %v did not finish within 10s", paths)
		return nil
	}
}

func TestSpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		return p
	}
	link := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	walked := filepath.Join(dir, "walked")
	os.Mkdir(walked, 0o755)
	cases := []struct {
		name string
		path func() string
	}{
		{"fifo corpus on the command line", func() string { return fifo("a.jsonl") }},
		{"fifo text on the command line", func() string { return fifo("a.txt") }},
		{"link to /dev/zero as a corpus", func() string { return link("/dev/zero", "zero.jsonl") }},
		{"link to /dev/zero as text", func() string { return link("/dev/zero", "zero.txt") }},
		{"fifo corpus in a walked directory", func() string {
			p := filepath.Join(walked, "b.jsonl")
			syscall.Mkfifo(p, 0o600)
			return walked
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := readWithin(t, c.path())
			if len(items) != 1 || !errors.Is(items[0].Err, ErrNotRegular) {
				t.Fatalf("got %+v, want one %q error", items, ErrNotRegular)
			}
		})
	}
}

// A symbolic link to a regular file is followed whether it is named on the
// command line or found in a walked directory.
func TestLinkedFilesAreFollowedAlike(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.data")
	os.WriteFile(real, []byte("Foreign Minister A met Foreign Minister B."), 0o644)
	walked := filepath.Join(dir, "walked")
	os.Mkdir(walked, 0o755)
	link := filepath.Join(walked, "linked.txt")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{link, walked} {
		items := readWithin(t, path)
		if len(items) != 1 || items[0].Err != nil {
			t.Errorf("read %s: got %+v, want one readout", path, items)
		}
	}
}
