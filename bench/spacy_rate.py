"""Time spaCy's cheapest gazetteer pipeline over a JSON Lines corpus.

    python bench/spacy_rate.py PATTERNS.jsonl CORPUS.jsonl

The pipeline is spacy.blank("en") (the rule-based tokenizer, no model)
with the extractor's gazetteer in EntityRulers: bench/patterns writes the
patterns. Only nlp.pipe over the texts is timed; reading the corpus and
loading the patterns are not. Prints one line, "words N seconds S words/s
R", where words are the whitespace-separated tokens of the texts, as
bench/extractrate counts those of the readouts' bodies.
"""

import json
import sys
import time

import spacy


def build_nlp(patterns_path):
    """A blank English pipeline finding the gazetteer's phrases.

    The extractor's trie compares lower-cased, folded tokens and matches
    acronyms only as written, so phrases go to a ruler matching on LOWER
    and acronyms (marked "exact") to a second one matching on ORTH. The
    second runs after the first and keeps its entities, so a longer phrase
    beats an acronym inside it, as the trie's longest match does.
    """
    with open(patterns_path, encoding="utf-8") as f:
        patterns = [json.loads(line) for line in f]
    nlp = spacy.blank("en")
    phrases = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    acronyms = nlp.add_pipe("entity_ruler", name="acronym_ruler", config={"phrase_matcher_attr": "ORTH"})
    phrases.add_patterns([p for p in patterns if not p.get("exact")])
    acronyms.add_patterns([p for p in patterns if p.get("exact")])
    return nlp


def read_texts(corpus_path):
    with open(corpus_path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def time_pipe(nlp, texts):
    """Seconds nlp.pipe takes over texts, and the entities it found."""
    start = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts))
    return time.perf_counter() - start, ents


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: spacy_rate.py PATTERNS.jsonl CORPUS.jsonl")
    nlp = build_nlp(argv[1])
    texts = read_texts(argv[2])
    nlp("warm up")  # any set-up left for the first document is loading
    words = sum(len(t.split()) for t in texts)
    secs, ents = time_pipe(nlp, texts)
    if ents == 0:
        sys.exit("spacy_rate: no entities found: are the patterns empty?")
    print(f"words {words} seconds {secs:.3f} words/s {words / secs:.0f}")


if __name__ == "__main__":
    main(sys.argv)
