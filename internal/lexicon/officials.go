package lexicon

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/internal/text"
)

// Holder is one person's tenure in one office.
type Holder struct {
	State   string // state code, or an organisation id (UN, NATO, EU, ASEAN)
	Office  string // head-of-state, head-of-government, foreign-minister, ...
	Title   string
	Name    string // canonical name, given name first
	Aliases []string
	Start   string // YYYY-MM-DD
	End     string // YYYY-MM-DD, "" while in office
	Source  string // where the tenure is documented
}

// HeldOn reports whether the tenure covers an ISO date. An unknown date is
// covered by every tenure: the caller then has to decide among them.
func (h Holder) HeldOn(date string) bool {
	if date == "" {
		return true
	}
	return date >= h.Start && (h.End == "" || date <= h.End)
}

var officialsHeader = []string{"state", "office", "title", "name", "aliases", "start", "end", "source"}

func loadOfficials(lx *Lexicon) error {
	f, err := dataFS.Open("data/officials.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(officialsHeader)
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("officials.csv header: %w", err)
	}
	if strings.Join(header, ",") != strings.Join(officialsHeader, ",") {
		return fmt.Errorf("officials.csv header is %v, want %v", header, officialsHeader)
	}
	lx.bySurname = map[string][]int{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("officials.csv:%d: %w", line, err)
		}
		h := Holder{State: rec[0], Office: rec[1], Title: rec[2], Name: rec[3], Start: rec[5], End: rec[6], Source: rec[7]}
		for _, a := range strings.Split(rec[4], ";") {
			if a = strings.TrimSpace(a); a != "" {
				h.Aliases = append(h.Aliases, a)
			}
		}
		lx.addHolder(h)
	}
}

func (lx *Lexicon) addHolder(h Holder) {
	idx := len(lx.Officials)
	lx.Officials = append(lx.Officials, h)
	id := strconv.Itoa(idx)
	for _, form := range append([]string{h.Name}, h.Aliases...) {
		if len(text.Tokenize(form)) < 2 {
			// A bare surname is too weak to find a person by itself: it
			// resolves only after a title ("Secretary Blinken").
			lx.bySurname[text.Normalize(form)] = appendUnique(lx.bySurname[text.Normalize(form)], idx)
			continue
		}
		lx.Entities.Add(form, Entry{Kind: KindPerson, ID: id})
	}
	// Both ends of the name: "Secretary Blinken" names the last word,
	// "Foreign Minister Wang" the first, as family-first names put it.
	for _, part := range []string{surname(h.Name), firstName(h.Name)} {
		k := text.Normalize(part)
		lx.bySurname[k] = appendUnique(lx.bySurname[k], idx)
	}
}

func firstName(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[0]
}

func appendUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// surname is the last word of a given-name-first name.
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}

// BySurname returns the indexes (into Officials) of the tenures of people
// one of whose names is the given word: a surname, a family name written
// first, or a one-word alias.
func (lx *Lexicon) BySurname(word string) []int {
	return lx.bySurname[text.Normalize(word)]
}

// HolderAt returns the tenure a gazetteer KindPerson entry id refers to.
func (lx *Lexicon) HolderAt(id string) (Holder, bool) {
	i, err := strconv.Atoi(id)
	if err != nil || i < 0 || i >= len(lx.Officials) {
		return Holder{}, false
	}
	return lx.Officials[i], true
}

// OfficeHolders returns who held an office of a state on a date; with an
// unknown date, everyone who ever held it.
func (lx *Lexicon) OfficeHolders(state, office, date string) []Holder {
	var out []Holder
	for _, h := range lx.Officials {
		if h.State == state && h.Office == office && h.HeldOn(date) {
			out = append(out, h)
		}
	}
	return out
}
