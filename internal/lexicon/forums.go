package lexicon

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Forum is a multilateral forum or organisation.
type Forum struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

func loadForums(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/forums.yaml")
	if err != nil {
		return err
	}
	var forums []Forum
	if err := yaml.Unmarshal(raw, &forums); err != nil {
		return fmt.Errorf("forums.yaml: %w", err)
	}
	lx.Forums = map[string]Forum{}
	for _, f := range forums {
		if _, dup := lx.Forums[f.ID]; dup {
			return fmt.Errorf("forums.yaml: %s listed twice", f.ID)
		}
		lx.Forums[f.ID] = f
		for _, a := range append([]string{f.Name}, f.Aliases...) {
			lx.Entities.Add(a, Entry{Kind: KindForum, ID: f.ID, ExactCase: isAcronym(a)})
		}
	}
	return nil
}

// Title is a title of office.
type Title struct {
	Title  string `yaml:"title"`
	Office string `yaml:"office"`
	State  string `yaml:"state"` // the one state that uses it, if only one does
	Head   string `yaml:"head"`  // the noun a later role mention uses
}

func loadTitles(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/titles.yaml")
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(raw, &lx.Titles); err != nil {
		return fmt.Errorf("titles.yaml: %w", err)
	}
	for i, t := range lx.Titles {
		lx.Entities.Add(t.Title, Entry{Kind: KindTitle, ID: fmt.Sprint(i), ExactCase: isAcronym(t.Title)})
	}
	return nil
}

// Topic is one entry of the topic taxonomy.
type Topic struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Synonyms []string `yaml:"synonyms"`
}

func loadTopics(lx *Lexicon) error {
	raw, err := dataFS.ReadFile("data/topics.yaml")
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(raw, &lx.Topics); err != nil {
		return fmt.Errorf("topics.yaml: %w", err)
	}
	lx.topicByID = map[string]int{}
	for i, t := range lx.Topics {
		if _, dup := lx.topicByID[t.ID]; dup {
			return fmt.Errorf("topics.yaml: %s listed twice", t.ID)
		}
		lx.topicByID[t.ID] = i
		for _, s := range append([]string{t.Name}, t.Synonyms...) {
			lx.TopicIndex.Add(s, i)
		}
	}
	return nil
}

// Topic returns the taxonomy topic with the given id.
func (lx *Lexicon) Topic(id string) (Topic, bool) {
	i, ok := lx.topicByID[id]
	if !ok {
		return Topic{}, false
	}
	return lx.Topics[i], true
}
