package lexicon

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// ReleaseCue is a phrase only one government's releases carry.
type ReleaseCue struct {
	Phrase string `yaml:"phrase"`
	State  string `yaml:"state"` // the state whose releases carry it
}

type homeFile struct {
	ReleaseCues []ReleaseCue                 `yaml:"release_cues"`
	BareHeads   map[string]map[string]string `yaml:"bare_heads"`
}

func loadHome(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/home.yaml")
	if err != nil {
		return err
	}
	var f homeFile
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("home.yaml: %w", err)
	}
	offices := map[string]bool{}
	for _, t := range lx.Titles {
		offices[t.Office] = true
	}
	for _, c := range f.ReleaseCues {
		if _, ok := lx.States[c.State]; !ok || c.Phrase == "" {
			return fmt.Errorf("home.yaml: release cue %q: state %q", c.Phrase, c.State)
		}
	}
	for state, heads := range f.BareHeads {
		if _, ok := lx.States[state]; !ok {
			return fmt.Errorf("home.yaml: bare_heads: %s is no state", state)
		}
		for head, office := range heads {
			if !offices[office] {
				return fmt.Errorf("home.yaml: bare_heads: %s %q: no title has office %q", state, head, office)
			}
		}
	}
	lx.ReleaseCues, lx.bareHeads = f.ReleaseCues, f.BareHeads
	return nil
}

// BareHeadOffice returns the office a title's head word alone ("the
// Secretary") means in the readouts of a home state, if it means one.
func (lx *Lexicon) BareHeadOffice(state, head string) (string, bool) {
	office, ok := lx.bareHeads[state][head]
	return office, ok
}
