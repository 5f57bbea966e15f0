// Package extract turns one readout into the facts of the knowledge graph.
//
// It is a pipeline of stages run sentence by sentence (Extractor.Extract):
//
//	segment   body -> sentences: paragraphs, then a Punkt model from a
//	          maintained library (segment)
//	mentions  a sentence's tokens -> the states, forums, titles, known
//	          names, group phrases and topics it mentions (findMentions)
//	officials read officials from title patterns and resolve them against
//	          the table of office holders; mark surnames of people named
//	          before; guess the readout's home state
//	relate    resolve role mentions ("the Secretary", "they") to the
//	          meeting's participants, then turn trigger words (findTriggers)
//	          into MET_WITH, DISCUSSED, COMMITTED_TO, EXPRESSED and
//	          MEMBER_OF facts, dropping negated ones
//	emit      build the graph.Document: nodes, cited edges and MENTIONS
//
// Segment and mentions are plain functions over plain data, as are the
// readings relate is made of: an act's object span and its items
// (objectSpan, splitItems), its speakers given what the readout has
// established (subjects, with a speakerContext), and the memberships a
// sentence states (readMemberships). The officials stage, the meeting
// reading and the recording of facts still share one working document
// (doc), which carries the officials named so far, the current meeting
// and the edges recorded.
//
// Everything it knows of the world and of English comes from the lexicon
// package: word tables in lexicon/data/words.yaml, world facts in the
// other data files.
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
	bySurname := d.surnames()
	for _, s := range d.sentences {
		d.findSurnames(s, bySurname)
	}
	d.mergeSurnames()
	d.findHome()
	for _, s := range d.sentences {
		d.relate(s)
	}
	return d.emit()
}
