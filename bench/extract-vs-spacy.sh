#!/usr/bin/env bash
# Words per second: the project's extractor against spaCy's cheapest
# pipeline holding the same gazetteer, one core each, over the same texts.
#
#   bench/extract-vs-spacy.sh                   # N=20000 readouts, ROUNDS=5
#   N=2000 ROUNDS=2 bench/extract-vs-spacy.sh   # a quick try
#
# (A) bench/extractrate: extract.New() and Extract over every readout on one
#     goroutine (GOMAXPROCS=1): segmenting, gazetteer and topic matching,
#     officials, relations, the graph document. The whole extractor.
# (B) bench/spacy_rate.py: spacy.blank("en") (tokenizer only, no model)
#     with the extractor's gazetteer (bench/patterns) in EntityRulers,
#     through nlp.pipe: tokenizing and phrase matching, nothing more.
# Each is pinned to CPU 0 (taskset -c 0) and times only processing the
# texts, not reading the corpus or loading the lexicon or patterns; the
# Go programs are built before the rounds. Words are whitespace-separated
# tokens, counted by both and checked equal. Rounds alternate A, B, A, B.
#
# Needs Go, python3 and taskset. The first run makes bench/.venv and
# installs spaCy from PyPI into it (about a minute, 330 MB); later runs
# reuse it. At N=20000 a round takes about 15 s, so the default run about
# a minute and a half; N=2000 ROUNDS=2 about 10 s.
set -Eeuo pipefail
script=extract-vs-spacy
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-20000}
ROUNDS=${ROUNDS:-5}
SPACY_VERSION=3.8.18
VENV=bench/.venv

# ensure_spacy makes the virtual environment unless it holds this spaCy.
ensure_spacy() {
  if "$VENV/bin/python" -c "import spacy, sys; sys.exit(spacy.__version__ != '$SPACY_VERSION')" 2>/dev/null; then
    return
  fi
  echo "installing spaCy $SPACY_VERSION into $VENV (once)"
  step "python3 -m venv $VENV" /dev/null python3 -m venv "$VENV"
  step "pip install spacy==$SPACY_VERSION" /dev/null \
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "spacy==$SPACY_VERSION"
}

bench_start
need_count N
need_count ROUNDS
ensure_spacy
step "go build" /dev/null go build -o "$tmp/bin/" ./cmd/gencorpus ./bench/extractrate ./bench/patterns
step "gencorpus" /dev/null "$tmp/bin/gencorpus" -n "$N" -out "$tmp/corpus.jsonl"
step "export patterns" "$tmp/patterns.jsonl" "$tmp/bin/patterns"
echo "corpus: $N readouts; gazetteer: $(wc -l <"$tmp/patterns.jsonl") spaCy patterns"

extractor=() spacy=()
for ((i = 1; i <= ROUNDS; i++)); do
  step "extractor, round $i" "$tmp/a.out" \
    env GOMAXPROCS=1 taskset -c 0 "$tmp/bin/extractrate" "$tmp/corpus.jsonl"
  echo "round $i extractor: $(cat "$tmp/a.out")"
  step "spaCy, round $i" "$tmp/b.out" \
    taskset -c 0 "$VENV/bin/python" bench/spacy_rate.py "$tmp/patterns.jsonl" "$tmp/corpus.jsonl"
  echo "round $i spaCy:     $(cat "$tmp/b.out")"
  if [ "$(field words "$tmp/a.out")" != "$(field words "$tmp/b.out")" ]; then
    fail "the two counted different words: the texts differ"
  fi
  extractor+=("$(field words/s "$tmp/a.out")")
  spacy+=("$(field words/s "$tmp/b.out")")
done

echo
python3 bench/summarize.py "words/s" extractor "$(joined "${extractor[@]}")" spaCy "$(joined "${spacy[@]}")"
machine
echo "spaCy $("$VENV/bin/python" -c 'import spacy; print(spacy.__version__)'), blank en + entity_ruler (LOWER) + acronym ruler (ORTH); $("$VENV/bin/python" -V)"
