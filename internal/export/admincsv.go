package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// AdminCSV writes the graph, or its slice dated within r, into dir as the
// files `neo4j-admin database import full` reads: nodes_<Label>.csv with
// one shared id space (the graph key) and relationships_<TYPE>.csv. It
// returns the import command for those files. Cells are written as they
// are: these files are for the importer, not for a spreadsheet.
func AdminCSV(ctx context.Context, src Source, r graph.DateRange, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	keys, err := touched(ctx, src, r)
	if err != nil {
		return "", err
	}
	files := &csvFiles{dir: dir, open: map[string]*csvFile{}}
	defer files.closeAll()
	nodeHeader := append([]string{"key:ID", schema.PropID, schema.PropName}, nodeProps...)
	nodeHeader = append(nodeHeader, ":LABEL")
	err = eachNodeIn(ctx, src, keys, func(n graph.Node) error {
		row := []string{n.Key(), n.ID, n.Name}
		for _, k := range nodeProps {
			row = append(row, n.Props[k])
		}
		return files.write("nodes_"+string(n.Label)+".csv", nodeHeader, append(row, string(n.Label)))
	})
	if err != nil {
		return "", err
	}
	relHeader := append([]string{":START_ID", ":END_ID", ":TYPE"}, edgeProps...)
	err = src.EachEdge(ctx, r, func(e graph.Edge) error {
		row := []string{e.From, e.To, string(e.Type)}
		for _, k := range edgeProps {
			row = append(row, edgeProp(e, k))
		}
		return files.write("relationships_"+string(e.Type)+".csv", relHeader, row)
	})
	if err != nil {
		return "", err
	}
	if err := files.closeAll(); err != nil {
		return "", err
	}
	return files.importCommand(), nil
}

// csvFiles are the files of one export, opened as rows for them come.
type csvFiles struct {
	dir   string
	open  map[string]*csvFile
	names []string // every file written, for the import command
}

type csvFile struct {
	f *os.File
	w *csv.Writer
}

func (c *csvFiles) write(name string, header, row []string) error {
	cf, ok := c.open[name]
	if !ok {
		f, err := os.Create(filepath.Join(c.dir, name))
		if err != nil {
			return err
		}
		cf = &csvFile{f: f, w: csv.NewWriter(f)}
		c.open[name] = cf
		c.names = append(c.names, name)
		if err := cf.w.Write(header); err != nil {
			return err
		}
	}
	return cf.w.Write(row)
}

// closeAll flushes and closes every open file; a second call has nothing
// left to do.
func (c *csvFiles) closeAll() error {
	var first error
	for name, cf := range c.open {
		cf.w.Flush()
		if err := cf.w.Error(); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", name, err)
		}
		if err := cf.f.Close(); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", name, err)
		}
		delete(c.open, name)
	}
	return first
}

// importCommand is the neo4j-admin command that loads the written files
// into a new database.
func (c *csvFiles) importCommand() string {
	names := append([]string(nil), c.names...)
	sort.Strings(names)
	args := []string{"neo4j-admin database import full"}
	for _, n := range names {
		flag := "--relationships="
		if strings.HasPrefix(n, "nodes_") {
			flag = "--nodes="
		}
		args = append(args, flag+filepath.Join(c.dir, n))
	}
	return strings.Join(append(args, "neo4j"), " ")
}
