package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is the annotation of one readout.
type Gold struct {
	// Readout names the readout file, relative to the set's readouts/
	// directory; only the gold/ + readouts/ layout uses it.
	Readout     string       `json:"readout,omitempty"`
	SourceURL   string       `json:"source_url,omitempty"`
	Date        *string      `json:"date"`
	States      []string     `json:"states"`
	Officials   []GoldPerson `json:"officials"`
	Forums      []string     `json:"forums"`
	MetWith     [][2]string  `json:"met_with"`
	MemberOf    [][2]string  `json:"member_of"`
	Discussed   []string     `json:"discussed"`
	CommittedTo []string     `json:"committed_to"`
	Notes       string       `json:"notes,omitempty"`

	// People, pairs and states the text names only by title, whom a
	// role-and-date resolver could identify: predicting them is neither
	// right nor wrong.
	ResolvableOfficials []string    `json:"resolvable_officials,omitempty"`
	ResolvableMetWith   [][2]string `json:"resolvable_met_with,omitempty"`
	ResolvableStates    []string    `json:"resolvable_states,omitempty"`
}

// GoldPerson is an annotated official. State is empty (null) for
// officials of international bodies in the real-readout set.
type GoldPerson struct {
	Name  string `json:"name"`
	State string `json:"state"`
	Title string `json:"title"`
}

// Case is one annotated readout of a set.
type Case struct {
	Name    string // the gold file's base name, as misses cite it
	Gold    Gold
	Readout string // path of the readout file
}

// ErrNoGold is returned when a directory holds no annotations in either layout.
var ErrNoGold = errors.New("no gold annotations (want gold/*.json beside readouts/, or NAME.gold.json beside NAME.txt or NAME.md)")

// LoadSet reads every annotation in dir, in file-name order. Two layouts
// are accepted: dir/gold/*.json, each naming its file in dir/readouts/
// (the real-readout set), or NAME.gold.json beside NAME.txt or NAME.md (the
// development set).
func LoadSet(dir string) ([]Case, error) {
	if fi, err := os.Stat(filepath.Join(dir, "gold")); err == nil && fi.IsDir() {
		return loadCases(dir, filepath.Join(dir, "gold", "*.json"), func(gp string, g Gold) (string, error) {
			if g.Readout == "" {
				return "", fmt.Errorf("%s: no \"readout\" field naming the readout file", gp)
			}
			return filepath.Join(dir, "readouts", g.Readout), nil
		})
	}
	return loadCases(dir, filepath.Join(dir, "*.gold.json"), func(gp string, _ Gold) (string, error) {
		return readoutBeside(strings.TrimSuffix(gp, ".gold.json"))
	})
}

// loadCases reads the annotations pattern matches, in file-name order,
// each with the readout file readoutOf finds for it.
func loadCases(dir, pattern string, readoutOf func(goldPath string, g Gold) (string, error)) ([]Case, error) {
	golds, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoGold)
	}
	sort.Strings(golds)
	cases := make([]Case, 0, len(golds))
	for _, gp := range golds {
		g, err := readGold(gp)
		if err != nil {
			return nil, err
		}
		text, err := readoutOf(gp, g)
		if err != nil {
			return nil, err
		}
		cases = append(cases, Case{Name: filepath.Base(gp), Gold: g, Readout: text})
	}
	return cases, nil
}

func readGold(path string) (Gold, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, err
	}
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return Gold{}, fmt.Errorf("read gold %s: %w", path, err)
	}
	return g, nil
}

// readoutBeside finds the readout file an annotation belongs to.
func readoutBeside(base string) (string, error) {
	for _, ext := range []string{".txt", ".md", ".markdown", ".text"} {
		if _, err := os.Stat(base + ext); err == nil {
			return base + ext, nil
		}
	}
	return "", fmt.Errorf("%s.gold.json: no readout beside it (want %s.txt or %s.md)", base, filepath.Base(base), filepath.Base(base))
}
