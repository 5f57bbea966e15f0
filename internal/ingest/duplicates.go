package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math/bits"
	"sort"
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
// the run, so each is kept small: what an input is known by, its id (a
// 64-bit content hash, in hex) as its number and its origin by a 128-bit
// hash (distinct origins share one with a chance of about one in 10^26 at
// a million inputs), sits in one array by input number; two tables of
// input numbers find an input by either; and the inputs' names are kept
// as runs of lines of one file. Go maps of the two keys held about 90
// bytes an input at a million inputs, and the memory a run grows by is
// what ingest's peak at a million readouts is made of.
type firsts struct {
	keys    []inputKeys // by input number
	ids     inputTable  // input numbers by content id
	origins inputTable  // input numbers of the inputs with an origin, by it
	names   inputNames
}

// inputKeys is what an input is known by.
type inputKeys struct {
	id     uint64
	origin [16]byte
}

func newFirsts() *firsts { return &firsts{names: inputNames{files: map[string]int32{}}} }

// check records the item, or says which earlier input it duplicates.
func (f *firsts) check(it readout.Item) error {
	rd := it.Readout
	hasOrigin := rd.Origin != "" && rd.Origin != "-"
	origin := digest(rd.Origin)
	if hasOrigin {
		if first, ok := f.origins.find(originHash(origin), func(n int32) bool { return f.keys[n].origin == origin }); ok {
			return fmt.Errorf("%w: same file or record id as %s; not ingested", ErrDuplicate, f.names.name(first))
		}
	}
	id, err := strconv.ParseUint(rd.ID, 16, 64)
	if err != nil { // not a content id: hash it as an origin is
		d := digest(rd.ID)
		id = binary.LittleEndian.Uint64(d[:8]) ^ binary.LittleEndian.Uint64(d[8:])
	}
	if first, ok := f.ids.find(id, func(n int32) bool { return f.keys[n].id == id }); ok {
		return fmt.Errorf("%w: same text as %s; not ingested", ErrDuplicate, f.names.name(first))
	}
	n := f.names.add(it.Source)
	f.keys = append(f.keys, inputKeys{id: id, origin: origin})
	f.ids.add(id, n, func(n int32) uint64 { return f.keys[n].id })
	if hasOrigin {
		f.origins.add(originHash(origin), n, func(n int32) uint64 { return originHash(f.keys[n].origin) })
	}
	return nil
}

func originHash(d [16]byte) uint64 { return binary.LittleEndian.Uint64(d[:8]) }

func digest(s string) [16]byte {
	h := fnv.New128a()
	h.Write([]byte(s))
	var d [16]byte
	h.Sum(d[:0])
	return d
}

// inputTable finds input numbers by a 64-bit hash of what they are known
// by. Its slots hold only the numbers, open-addressed, and the caller
// tells a match from what it keeps by number: four bytes a slot, at most
// three quarters full.
type inputTable struct {
	slots []int32 // an input number plus one; 0 is an empty slot
	n     int
	shift uint // 64 less log2(len(slots))
}

// slot is where the probe for hash h starts: Fibonacci hashing, so that
// hashes differing in their low bits alone spread too.
func (t *inputTable) slot(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

// find returns the first input filed under h that is reports is the one.
func (t *inputTable) find(h uint64, is func(n int32) bool) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(h); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if is(s - 1) {
			return s - 1, true
		}
	}
}

// add files input n under h; hashOf gives the hash of any input filed
// before, for when the table grows.
func (t *inputTable) add(h uint64, n int32, hashOf func(int32) uint64) {
	if 4*(t.n+1) > 3*len(t.slots) {
		old := t.slots
		size := max(1024, 2*len(old))
		t.slots, t.n, t.shift = make([]int32, size), 0, uint(64-bits.TrailingZeros(uint(size)))
		for _, s := range old {
			if s != 0 {
				t.put(hashOf(s-1), s)
			}
		}
	}
	t.put(h, n+1)
}

func (t *inputTable) put(h uint64, slot int32) {
	mask := uint64(len(t.slots) - 1)
	i := t.slot(h)
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot
	t.n++
}

// inputNames keeps the names of the inputs remembered, by number. A
// corpus record's name is its file and line ("c.jsonl:12"), and the
// records of a file come in order, so a run of inputs whose lines follow
// one another in one file is kept as one entry, whatever its length; any
// other name is kept whole, an entry of its own.
type inputNames struct {
	files map[string]int32 // a file, or a whole name, to its place in list
	list  []string
	runs  []nameRun // in input order
	n     int32     // inputs named
}

// nameRun names the inputs from first on: the lines from line on of one
// file, or (line -1) one name kept whole.
type nameRun struct {
	first, file, line int32
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
	n := in.n
	in.n++
	if k := len(in.runs) - 1; k >= 0 && line >= 0 {
		if r := in.runs[k]; r.file == idx && r.line >= 0 && int64(r.line)+int64(n-r.first) == line {
			return n // the next line of the run
		}
	}
	in.runs = append(in.runs, nameRun{first: n, file: idx, line: int32(line)})
	return n
}

func (in *inputNames) name(n int32) string {
	k := sort.Search(len(in.runs), func(k int) bool { return in.runs[k].first > n }) - 1
	r := in.runs[k]
	if r.line < 0 {
		return in.list[r.file]
	}
	return in.list[r.file] + ":" + strconv.Itoa(int(r.line+n-r.first))
}
