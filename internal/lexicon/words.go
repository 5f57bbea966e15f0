package lexicon

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/internal/text"
	"gopkg.in/yaml.v3"
)

// Words are the English closed classes and cue words extraction reads
// readouts by, from data/words.yaml. Every set holds normalized (lower
// case) tokens.
type Words struct {
	// Negations deny a speech act that follows them closely ("did not discuss").
	Negations map[string]bool
	// GroupPhrases refer to all of a meeting's participants ("both sides", "they").
	GroupPhrases *text.Trie[bool]
	// Honorifics stand before a personal name without belonging to it ("Dr", "H.E.", "General").
	Honorifics map[string]bool
	// NotNames are capitalised words that never belong to a personal name ("The", "Minister", "Monday").
	NotNames map[string]bool
	// ListOpeners, in order, introduce the names a plural title groups ("among whom", "including").
	ListOpeners [][]string
	// NameParticles are lower-case words inside a name ("da", "von", "bin").
	NameParticles map[string]bool
	// FamilyFirstStates are the states whose names English keeps family name first.
	FamilyFirstStates map[string]bool
	// MemberNouns after a forum's name introduce its members ("G7 members", "Quad countries").
	MemberNouns map[string]bool
	// RoleNouns after a forum's name give a member a role in it ("ASEAN Chair", "G20 presidency").
	RoleNouns map[string]bool
	// GroupWords after a forum's name introduce its members as a body ("the G7 Foreign Ministers of").
	GroupWords map[string]bool
	// MemberTitles name a member after a forum's possessive ("NATO's newest Ally").
	MemberTitles map[string]bool
	// OtherMeetingCues before a sentence's people tell of another meeting than the one reported.
	OtherMeetingCues map[string]bool
	// MeetingVerbs report a meeting as a verb does ("met", "spoke").
	MeetingVerbs map[string]bool
	// Prepositions before a mention make it an object, not a speaker.
	Prepositions map[string]bool
	// SpeakerNouns stand for a meeting's participants or the meeting ("the sides", "the call").
	SpeakerNouns map[string]bool
	// NotGerunds end in -ing without being a verb's -ing form ("during", "Beijing").
	NotGerunds map[string]bool
	// DateWords after "on" say when, not what ("on Tuesday").
	DateWords map[string]bool
}

type wordsFile struct {
	Negations         []string `yaml:"negations"`
	GroupPhrases      []string `yaml:"group_phrases"`
	Honorifics        []string `yaml:"honorifics"`
	NotNames          []string `yaml:"not_names"`
	ListOpeners       []string `yaml:"list_openers"`
	NameParticles     []string `yaml:"name_particles"`
	FamilyFirstStates []string `yaml:"family_first_states"`
	MemberNouns       []string `yaml:"member_nouns"`
	RoleNouns         []string `yaml:"role_nouns"`
	GroupWords        []string `yaml:"group_words"`
	MemberTitles      []string `yaml:"member_titles"`
	OtherMeetingCues  []string `yaml:"other_meeting_cues"`
	MeetingVerbs      []string `yaml:"meeting_verbs"`
	Prepositions      []string `yaml:"prepositions"`
	SpeakerNouns      []string `yaml:"speaker_nouns"`
	NotGerunds        []string `yaml:"not_gerunds"`
	DateWords         []string `yaml:"date_words"`
}

func loadWords(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/words.yaml")
	if err != nil {
		return err
	}
	var f wordsFile
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("words.yaml: %w", err)
	}
	for _, code := range f.FamilyFirstStates {
		if _, ok := lx.States[code]; !ok {
			return fmt.Errorf("words.yaml: family_first_states: %s is no state", code)
		}
	}
	w := Words{
		Negations:         set(f.Negations),
		GroupPhrases:      &text.Trie[bool]{},
		Honorifics:        set(f.Honorifics),
		NotNames:          set(f.NotNames),
		NameParticles:     set(f.NameParticles),
		FamilyFirstStates: set(f.FamilyFirstStates),
		MemberNouns:       set(f.MemberNouns),
		RoleNouns:         set(f.RoleNouns),
		GroupWords:        set(f.GroupWords),
		MemberTitles:      set(f.MemberTitles),
		OtherMeetingCues:  set(f.OtherMeetingCues),
		MeetingVerbs:      set(f.MeetingVerbs),
		Prepositions:      set(f.Prepositions),
		SpeakerNouns:      set(f.SpeakerNouns),
		NotGerunds:        set(f.NotGerunds),
		DateWords:         set(f.DateWords),
	}
	for _, p := range f.GroupPhrases {
		w.GroupPhrases.Add(p, true)
	}
	for _, o := range f.ListOpeners {
		w.ListOpeners = append(w.ListOpeners, strings.Fields(o))
	}
	lx.Words = w
	return nil
}
