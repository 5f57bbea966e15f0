package query

import (
	"sort"
	"strings"
)

// sortRows orders rows by their cells, for output that does not depend on
// map order.
func sortRows(rows [][]string) {
	sort.Slice(rows, func(i, j int) bool {
		return strings.Join(rows[i], "\x00") < strings.Join(rows[j], "\x00")
	})
}
