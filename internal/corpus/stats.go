package corpus

import (
	"fmt"
	"io"
	"sort"

	"github.com/diplograph/diplograph/internal/extract"
	"github.com/diplograph/diplograph/internal/schema"
)

// Shape is what a corpus gives once extracted: distinct nodes by label,
// edges by type, how the cited edges spread over nodes, and readouts by
// year.
type Shape struct {
	Readouts     int
	NodesByLabel map[schema.Label]int
	EdgesByType  map[schema.RelType]int
	// Degree percentiles of the nodes other than readouts, counting the
	// cited edges (all but MENTIONS) at each.
	DegreeP50, DegreeP90, DegreeP99, DegreeMax int
	ByYear                                     map[string]int
}

// MeasureShape generates n readouts from g and extracts them with x.
func MeasureShape(g *Generator, x *extract.Extractor, n int) Shape {
	sh := Shape{NodesByLabel: map[schema.Label]int{}, EdgesByType: map[schema.RelType]int{}, ByYear: map[string]int{}}
	seen := map[string]bool{}
	degree := map[string]int{}
	for range n {
		r := g.Next()
		d := x.Extract(r)
		sh.Readouts++
		if len(r.Date) >= 4 {
			sh.ByYear[r.Date[:4]]++
		}
		for _, nd := range append(d.Nodes, d.Readout) {
			if !seen[nd.Key()] {
				seen[nd.Key()] = true
				sh.NodesByLabel[nd.Label]++
			}
		}
		for _, e := range d.Edges {
			sh.EdgesByType[e.Type]++
			if e.Type != schema.Mentions {
				degree[e.From]++
				degree[e.To]++
			}
		}
	}
	ds := make([]int, 0, len(degree))
	for _, v := range degree {
		ds = append(ds, v)
	}
	sort.Ints(ds)
	if len(ds) > 0 {
		at := func(p float64) int { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		sh.DegreeP50, sh.DegreeP90, sh.DegreeP99, sh.DegreeMax = at(0.50), at(0.90), at(0.99), ds[len(ds)-1]
	}
	return sh
}

// Write prints the shape as aligned lines.
func (sh Shape) Write(w io.Writer) {
	fmt.Fprintf(w, "readouts        %d\n", sh.Readouts)
	for _, l := range schema.Labels {
		fmt.Fprintf(w, "nodes %-9s %d\n", l, sh.NodesByLabel[l])
	}
	for _, t := range schema.RelTypes {
		fmt.Fprintf(w, "edges %-12s %d\n", t, sh.EdgesByType[t])
	}
	fmt.Fprintf(w, "degree          p50 %d, p90 %d, p99 %d, max %d (cited edges at a node)\n",
		sh.DegreeP50, sh.DegreeP90, sh.DegreeP99, sh.DegreeMax)
	years := make([]string, 0, len(sh.ByYear))
	for y := range sh.ByYear {
		years = append(years, y)
	}
	sort.Strings(years)
	for _, y := range years {
		fmt.Fprintf(w, "year %s       %d\n", y, sh.ByYear[y])
	}
}
