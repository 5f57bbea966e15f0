package ingest

import (
	"errors"
	"fmt"

	"github.com/diplograph/diplograph/internal/readout"
)

// ErrDuplicate marks an input not ingested because an earlier input of the
// same run is the same readout. Without the check the later one silently
// replaced the earlier (same origin) or took its place (same text, the same
// content id), and every re-run then reported both as replaced.
var ErrDuplicate = errors.New("duplicate readout")

// firsts remembers where each readout id and origin was first read in a
// run, to name it when a later input repeats one.
type firsts struct {
	ids, origins map[string]string
}

func newFirsts() *firsts {
	return &firsts{ids: map[string]string{}, origins: map[string]string{}}
}

// check records the item, or says which earlier input it duplicates.
func (f *firsts) check(it readout.Item) error {
	rd := it.Readout
	if first, ok := f.origins[rd.Origin]; ok && rd.Origin != "" && rd.Origin != "-" {
		return fmt.Errorf("%w: same file or record id as %s; not ingested", ErrDuplicate, first)
	}
	if first, ok := f.ids[rd.ID]; ok {
		return fmt.Errorf("%w: same text as %s; not ingested", ErrDuplicate, first)
	}
	f.ids[rd.ID] = it.Source
	if rd.Origin != "" && rd.Origin != "-" {
		f.origins[rd.Origin] = it.Source
	}
	return nil
}
