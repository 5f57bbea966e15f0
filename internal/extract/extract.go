// Package extract turns one readout into the facts of the knowledge graph.
//
// It is a pipeline of small stages over plain data, each testable alone:
//
//	segment   split the body into sentences (a Punkt model from a maintained library)
//	mentions  find states, forums, titles, known names and topics in each sentence
//	officials read officials from title patterns and resolve them against the
//	          table of office holders
//	roles     resolve role mentions ("the Secretary", "both sides", "they") to
//	          the meeting's participants
//	relate    turn trigger words into MET_WITH, DISCUSSED, COMMITTED_TO and
//	          MEMBER_OF facts, dropping negated ones
//	emit      build the graph.Document: nodes, cited edges and MENTIONS
//
// Everything it knows of the world comes from the lexicon package.
package extract

import (
	"fmt"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/neurosnap/sentences"
)

// Extractor extracts facts from readouts. It is safe for concurrent use.
type Extractor struct {
	lx  *lexicon.Lexicon
	seg *sentences.DefaultSentenceTokenizer
}

// New builds an extractor over the embedded lexicon.
func New() (*Extractor, error) {
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	seg, err := newSegmenter()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	return &Extractor{lx: lx, seg: seg}, nil
}

// Extract returns the facts one readout supports.
func (x *Extractor) Extract(r readout.Readout) graph.Document {
	d := &doc{x: x, r: r, officials: map[string]*official{}, topics: map[string]string{}, phraseTopics: map[string]bool{}}
	d.sentences = segment(x.seg, r.Body)
	for _, s := range d.sentences {
		s.mentions, s.topics = findMentions(x.lx, s.toks)
	}
	for _, s := range d.sentences {
		d.findOfficials(s)
	}
	for _, s := range d.sentences {
		d.findSurnames(s)
	}
	d.mergeSurnames()
	d.findHome()
	for _, s := range d.sentences {
		d.relate(s)
	}
	return d.emit()
}
