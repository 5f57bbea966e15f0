package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// record is one JSON Lines readout, in the shape ingest reads.
type record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date,omitempty"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// WriteJSONL writes n readouts as JSON Lines.
func (g *Generator) WriteJSONL(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	for i := 0; i < n; i++ {
		r := g.Next()
		if err := enc.Encode(record{ID: fmt.Sprintf("gen-%07d", g.n), Title: r.Title, Date: r.Date, Text: r.Body, Source: r.Origin}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteFiles writes n readouts as text files in dir.
func (g *Generator) WriteFiles(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r := g.Next()
		name := filepath.Join(dir, fmt.Sprintf("%07d.txt", g.n))
		if err := os.WriteFile(name, []byte(r.Body+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSONLFile writes n readouts generated from seed to a JSON Lines file.
func WriteJSONLFile(path string, seed uint64, n int) error {
	g, err := New(seed)
	if err != nil {
		return err
	}
	return writeJSONLFile(g, path, n)
}

// WriteWorldFile writes n readouts of the world shape (NewWorld, with
// its default options and the given seed) to a JSON Lines file.
func WriteWorldFile(path string, seed uint64, n int) error {
	g, err := NewWorld(WorldOptions{Seed: seed})
	if err != nil {
		return err
	}
	return writeJSONLFile(g, path, n)
}

func writeJSONLFile(g *Generator, path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := g.WriteJSONL(w, n); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
