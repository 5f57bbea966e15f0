package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/schema"
)

// GraphML writes the graph, or its slice dated within r, as GraphML with a
// typed (string) attribute for each property: nodes keyed by their graph
// key, edges directed and citing their readout and evidence.
func GraphML(ctx context.Context, src Source, r graph.DateRange, out io.Writer) error {
	keys, err := touched(ctx, src, r)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 1<<16)
	fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(w, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`)
	for _, k := range append([]string{"label", schema.PropID, schema.PropName}, nodeProps...) {
		fmt.Fprintf(w, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n", k, k)
	}
	for _, k := range append([]string{"type"}, edgeProps...) {
		fmt.Fprintf(w, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"string\"/>\n", k, k)
	}
	fmt.Fprintln(w, `  <graph id="diplograph" edgedefault="directed">`)
	err = eachNodeIn(ctx, src, keys, func(n graph.Node) error {
		fmt.Fprintf(w, "    <node id=\"%s\">", escape(n.Key()))
		data(w, "n_label", string(n.Label))
		data(w, "n_"+schema.PropID, n.ID)
		data(w, "n_"+schema.PropName, n.Name)
		for _, k := range nodeProps {
			data(w, "n_"+k, n.Props[k])
		}
		_, err := fmt.Fprintln(w, "</node>")
		return err
	})
	if err != nil {
		return err
	}
	i := 0
	err = src.EachEdge(ctx, r, func(e graph.Edge) error {
		i++
		fmt.Fprintf(w, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">", i, escape(e.From), escape(e.To))
		data(w, "e_type", string(e.Type))
		for _, k := range edgeProps {
			data(w, "e_"+k, edgeProp(e, k))
		}
		_, err := fmt.Fprintln(w, "</edge>")
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "  </graph>")
	fmt.Fprintln(w, "</graphml>")
	return w.Flush()
}

// data writes one attribute, leaving out an empty one.
func data(w *bufio.Writer, key, v string) {
	if v == "" {
		return
	}
	fmt.Fprintf(w, "<data key=\"%s\">%s</data>", key, escape(v))
}

// escape makes text safe inside XML, dropping what XML 1.0 cannot hold.
func escape(s string) string {
	var b bufferString
	xml.EscapeText(&b, []byte(s))
	return string(b)
}

type bufferString []byte

func (b *bufferString) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }
