// Package lexicon is the vocabulary extraction works from: the states
// (names from a maintained country-data library, aliases and demonyms from
// data/states.yaml), forums, titles of office, the topic taxonomy, the
// speech acts readouts report (with their CAMEO codes), the table of who
// held which office when, what a readout's home government shows and
// means (data/home.yaml), and the English closed classes and cue words the
// extractor reads by (data/words.yaml). Everything is data embedded from
// data/ and loaded once; the package holds no extraction logic beyond
// looking things up.
package lexicon

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/diplograph/diplograph/internal/text"
	"github.com/gosimple/slug"
)

//go:embed data/*.yaml data/*.csv
var dataFS embed.FS

// Kind says what a gazetteer phrase names.
type Kind uint8

// Phrase kinds.
const (
	KindNone   Kind = iota // a phrase that names nothing ("Korean Peninsula")
	KindState              // a state's name, alias or demonym
	KindForum              // a forum's name or alias
	KindTitle              // a title of office
	KindPerson             // a known official's name or alias
)

// Entry is what a gazetteer phrase stands for.
type Entry struct {
	Kind      Kind
	ID        string // state code, forum id, title index or person index
	ExactCase bool   // an acronym: matches only as written (US, not "us")
}

// Lexicon is the whole vocabulary, immutable once loaded and safe to share.
type Lexicon struct {
	States    map[string]State
	Forums    map[string]Forum
	Titles    []Title
	Topics    []Topic
	Officials []Holder

	// Entities finds states, forums, titles and known officials' names.
	Entities *text.Trie[Entry]
	// TopicIndex finds taxonomy topics by name or synonym; values index Topics.
	TopicIndex *text.Trie[int]
	// TopicPatterns find topics by words near each other.
	TopicPatterns []TopicPattern
	// Acts are the speech acts readouts report; ActIndex finds their words,
	// its values indexing Acts (a word may report more than one act).
	Acts     []Act
	ActIndex *text.Trie[int]
	// Object is the vocabulary that shapes what an act is about.
	Object ObjectWords
	// Words are the English closed classes and cue words extraction reads by.
	Words Words
	// ReleaseCues, in order, tell which government published a readout.
	ReleaseCues []ReleaseCue

	topicByID map[string]int
	// patternsByFirst finds TopicPatterns by a first word of their first group.
	patternsByFirst *text.Trie[int]
	bySurname       map[string][]int             // normalized surname -> Officials indexes
	verbs           map[string]string            // verb -> its -ing form
	bareHeads       map[string]map[string]string // home state -> title head -> office
}

// Default returns the lexicon built from the embedded data. It is loaded on
// first use and shared thereafter.
var Default = sync.OnceValues(load)

func load() (*Lexicon, error) {
	lx := &Lexicon{Entities: &text.Trie[Entry]{}, TopicIndex: &text.Trie[int]{SkipCommas: true}}
	steps := []struct {
		name string
		fn   func(*Lexicon) error
	}{
		{"states", loadStates},
		{"forums", loadForums},
		{"titles", loadTitles},
		{"topics", loadTopics},
		{"officials", loadOfficials},
		{"acts", loadActs},
		{"words", loadWords},
		{"home", loadHome},
	}
	for _, s := range steps {
		if err := s.fn(lx); err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", s.name, err)
		}
	}
	return lx, nil
}

// MustDefault is Default for callers that cannot proceed without it; the
// data is embedded, so a failure is a build defect that tests catch.
func MustDefault() *Lexicon {
	lx, err := Default()
	if err != nil {
		panic(err)
	}
	return lx
}

// OfficialID is the node id of an official with the given canonical name:
// its slug, diacritics folded ("Bùi Thanh Sơn" is bui-thanh-son).
func OfficialID(name string) string { return makeID(name) }

// TopicID is the node id of a topic phrase that the taxonomy does not know.
func TopicID(phrase string) string { return makeID(phrase) }

// makeID is slug.Make, written out for printable ASCII, which nearly every
// id is made from: slug.Make runs three regular-expression passes and a
// transliteration over every string, a twentieth of extraction. For ASCII
// its rules come to: letters in lower case, digits and underscores kept,
// quotes dropped, & and @ spelt out, anything else a hyphen, runs of
// hyphens made one, and hyphens and underscores trimmed from the ends.
// Other strings go to slug.Make; FuzzMakeID holds the two equal.
func makeID(s string) string {
	b := make([]byte, 0, len(s))
	dash := func() {
		if len(b) == 0 || b[len(b)-1] != '-' {
			b = append(b, '-')
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+('a'-'A'))
		case c == '\'' || c == '"':
		case c == '&':
			b = append(b, "and"...)
		case c == '@':
			b = append(b, "at"...)
		case ' ' <= c && c <= '~':
			dash()
		default:
			return slug.Make(s)
		}
	}
	return strings.Trim(string(b), "-_")
}
