package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/internal/readout"
)

// ErrDuplicate marks an input not ingested because an earlier input of the
// same run is the same readout. Without the check the later one silently
// replaced the earlier (same origin) or took its place (same text, the same
// content id), and every re-run then reported both as replaced.
var ErrDuplicate = errors.New("duplicate readout")

// firsts remembers where each readout id and origin was first read in a
// run, to name it when a later input repeats one. It keeps every input of
// the run, so each is kept small: an id (a 64-bit content hash, in hex) as
// its number, an origin by a 128-bit hash of it (distinct origins share
// one with a chance of about one in 10^26 at a million inputs), and the
// input's name as inputNames keeps it. Maps of the strings themselves held
// about 250 bytes a readout, which grew a run of a million readouts by
// a quarter of a gigabyte.
type firsts struct {
	ids     map[uint64]int32   // a content id to the first input, by number
	origins map[[16]byte]int32 // an origin's hash to the first input
	names   inputNames
}

func newFirsts() *firsts {
	return &firsts{ids: map[uint64]int32{}, origins: map[[16]byte]int32{}, names: inputNames{files: map[string]int32{}}}
}

// check records the item, or says which earlier input it duplicates.
func (f *firsts) check(it readout.Item) error {
	rd := it.Readout
	hasOrigin := rd.Origin != "" && rd.Origin != "-"
	origin := digest(rd.Origin)
	if first, ok := f.origins[origin]; ok && hasOrigin {
		return fmt.Errorf("%w: same file or record id as %s; not ingested", ErrDuplicate, f.names.name(first))
	}
	id, err := strconv.ParseUint(rd.ID, 16, 64)
	if err != nil { // not a content id: hash it as an origin is
		d := digest(rd.ID)
		id = binary.LittleEndian.Uint64(d[:8]) ^ binary.LittleEndian.Uint64(d[8:])
	}
	if first, ok := f.ids[id]; ok {
		return fmt.Errorf("%w: same text as %s; not ingested", ErrDuplicate, f.names.name(first))
	}
	n := f.names.add(it.Source)
	f.ids[id] = n
	if hasOrigin {
		f.origins[origin] = n
	}
	return nil
}

func digest(s string) [16]byte {
	h := fnv.New128a()
	h.Write([]byte(s))
	var d [16]byte
	h.Sum(d[:0])
	return d
}

// inputNames keeps the names of the inputs remembered, by number. A
// corpus record's name is its file and line ("c.jsonl:12"): the file is
// kept once and the line as a number, eight bytes a record. Any other name
// is kept whole.
type inputNames struct {
	files map[string]int32 // a file, or a whole name, to its place in list
	list  []string
	refs  []nameRef // by input number
}

type nameRef struct {
	file, line int32 // line is -1 for a name kept whole
}

func (in *inputNames) add(name string) int32 {
	file, line := name, int64(-1)
	if i := strings.LastIndexByte(name, ':'); i > 0 {
		if l, err := strconv.ParseInt(name[i+1:], 10, 32); err == nil && l >= 0 && strconv.FormatInt(l, 10) == name[i+1:] {
			file, line = name[:i], l
		}
	}
	idx, ok := in.files[file]
	if !ok {
		idx = int32(len(in.list))
		in.files[file] = idx
		in.list = append(in.list, file)
	}
	in.refs = append(in.refs, nameRef{file: idx, line: int32(line)})
	return int32(len(in.refs) - 1)
}

func (in *inputNames) name(n int32) string {
	r := in.refs[n]
	if r.line < 0 {
		return in.list[r.file]
	}
	return in.list[r.file] + ":" + strconv.Itoa(int(r.line))
}
