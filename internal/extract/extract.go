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
	"context"
	"fmt"
	"sync"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/readout"
	"github.com/diplograph/diplograph/internal/text"
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
	d, _ := x.ExtractContext(context.Background(), r)
	return d
}

// ExtractContext is Extract that gives up when ctx is done, between
// sentences and along a long one, so that an interrupt takes effect inside
// a readout. It then returns ctx's error and no facts.
func (x *Extractor) ExtractContext(ctx context.Context, r readout.Readout) (graph.Document, error) {
	sc := scratchPool.Get().(*scratch)
	d := &doc{x: x, ctx: ctx, r: r, sc: sc,
		officials: map[string]*official{}, topics: map[string]string{}, phraseTopics: map[string]bool{}}
	defer sc.release()
	d.sentences, sc.toks = segment(x.seg, r.Body, sc.toks)
	stages := []func(*sentence){
		func(s *sentence) {
			start := len(sc.mentions)
			sc.mentions, s.topics = appendMentions(sc.mentions, x.lx, s.toks)
			s.mentions = sc.mentions[start:len(sc.mentions):len(sc.mentions)]
		},
		d.findOfficials,
	}
	for _, stage := range stages {
		if err := d.each(stage); err != nil {
			return graph.Document{}, err
		}
	}
	bySurname := d.surnames()
	if err := d.each(func(s *sentence) { d.findSurnames(s, bySurname) }); err != nil {
		return graph.Document{}, err
	}
	d.mergeSurnames()
	d.findHome()
	if err := d.each(d.relate); err != nil {
		return graph.Document{}, err
	}
	if d.stopped() {
		return graph.Document{}, ctx.Err()
	}
	return d.emit(), nil
}

// scratch is the working memory one extraction hands the next: the arrays
// its sentences' tokens, first mentions and index lookups are cut from,
// the edges as recorded with the set that keeps them unique, and the
// nodes emit gathers. None of it reaches the Document (emit copies edges
// and nodes out), so the next extraction may write over it; made afresh
// for every readout, these were half the bytes extraction allocated.
type scratch struct {
	toks     []text.Token
	mentions []mention
	lookups  []int32
	edges    []graph.Edge
	edgeSet  map[edgeKey]bool
	nodes    map[nodeRef]graph.Node
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{edgeSet: map[edgeKey]bool{}, nodes: map[nodeRef]graph.Node{}}
}}

// scratchTokens bounds the token array kept for the next extraction: an
// outsized readout's is left to the collector.
const scratchTokens = 1 << 16

// release returns the scratch to the pool, emptied so that it holds no
// readout alive.
func (sc *scratch) release() {
	if cap(sc.toks) > scratchTokens || cap(sc.mentions) > scratchTokens || cap(sc.edges) > scratchTokens {
		return
	}
	clear(sc.toks)
	clear(sc.mentions)
	clear(sc.edges)
	clear(sc.edgeSet)
	clear(sc.nodes)
	sc.toks, sc.mentions, sc.lookups, sc.edges = sc.toks[:0], sc.mentions[:0], sc.lookups[:0], sc.edges[:0]
	scratchPool.Put(sc)
}

// each runs a stage over every sentence in order, stopping when the
// context is done.
func (d *doc) each(stage func(*sentence)) error {
	for _, s := range d.sentences {
		if d.stopped() {
			return d.ctx.Err()
		}
		stage(s)
	}
	return nil
}
