package ingest

import (
	"errors"
	"fmt"
	"hash/fnv"

	"github.com/diplograph/diplograph/internal/readout"
)

// ErrDuplicate marks an input not ingested because an earlier input of the
// same run is the same readout. Without the check the later one silently
// replaced the earlier (same origin) or took its place (same text, the same
// content id), and every re-run then reported both as replaced.
var ErrDuplicate = errors.New("duplicate readout")

// firsts remembers where each readout id and origin was first read in a
// run, to name it when a later input repeats one. It keeps every input of
// the run, so each is kept small: ids and origins by a 128-bit hash
// (distinct inputs share one with a chance of about one in 10^26 at a
// million inputs), and the inputs' names end to end in one buffer. Maps
// of the strings themselves held 250 bytes a readout, the largest part of
// a long run's memory.
type firsts struct {
	ids, origins map[[16]byte]int32 // hash to the first input's name, by number
	names        []byte             // the names of the inputs remembered, end to end
	ends         []int              // where each name ends in names
}

func newFirsts() *firsts {
	return &firsts{ids: map[[16]byte]int32{}, origins: map[[16]byte]int32{}}
}

// check records the item, or says which earlier input it duplicates.
func (f *firsts) check(it readout.Item) error {
	rd := it.Readout
	hasOrigin := rd.Origin != "" && rd.Origin != "-"
	origin, id := digest(rd.Origin), digest(rd.ID)
	if first, ok := f.origins[origin]; ok && hasOrigin {
		return fmt.Errorf("%w: same file or record id as %s; not ingested", ErrDuplicate, f.name(first))
	}
	if first, ok := f.ids[id]; ok {
		return fmt.Errorf("%w: same text as %s; not ingested", ErrDuplicate, f.name(first))
	}
	n := int32(len(f.ends))
	f.names = append(f.names, it.Source...)
	f.ends = append(f.ends, len(f.names))
	f.ids[id] = n
	if hasOrigin {
		f.origins[origin] = n
	}
	return nil
}

// name is the name of the n-th input remembered.
func (f *firsts) name(n int32) string {
	start := 0
	if n > 0 {
		start = f.ends[n-1]
	}
	return string(f.names[start:f.ends[n]])
}

func digest(s string) [16]byte {
	h := fnv.New128a()
	h.Write([]byte(s))
	var d [16]byte
	h.Sum(d[:0])
	return d
}
