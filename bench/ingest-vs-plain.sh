#!/usr/bin/env bash
# Readouts per second: `ingest` into the embedded store, as a user runs it,
# against a plain batched writer of the same rows into C SQLite.
#
#   bench/ingest-vs-plain.sh                    # N=20000 readouts, ROUNDS=3
#   N=2000 ROUNDS=2 bench/ingest-vs-plain.sh    # a quick try
#
# The two sides do not do the same work; read the ratio with this in mind.
# (A) `ingest --store embedded --db FILE corpus.jsonl`, the built binary on
#     both cores, a fresh file each round, timed by the wall clock from
#     start to exit: reading the corpus, extraction on two cores, writing
#     through the pure-Go SQLite (modernc.org/sqlite) with its upserts and
#     lookups, and indexing (the saved adjacency) at the end.
# (B) bench/plain_writer.py: the rows of the same readouts, taken once from
#     `ingest --dry-run --format json corpus.jsonl` and numbered in Python
#     beforehand, written with executemany into the same tables and
#     indexes (checked against A's file by bench/same_store.py) with the
#     standard library's sqlite3, 1,024 readouts a transaction, the store's
#     pragmas (WAL, synchronous=NORMAL, ...). Only the writes are timed:
#     no reading, no extraction, no upserts, no adjacency; C SQLite, one core.
# Rounds alternate A, B, A, B.
#
# Needs Go and python3 (standard library only). At N=20000 a round takes
# about 20 s and the dry run 10 s, so the default run about a minute;
# N=2000 ROUNDS=2 about 10 s.
set -Eeuo pipefail
script=ingest-vs-plain
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-20000}
ROUNDS=${ROUNDS:-3}

bench_start
need_count N
need_count ROUNDS
step "go build" /dev/null go build -o "$tmp/bin/" ./cmd/gencorpus ./cmd/ingest
step "gencorpus" /dev/null "$tmp/bin/gencorpus" -n "$N" -out "$tmp/corpus.jsonl"
step "ingest --dry-run" "$tmp/rows.json" \
  "$tmp/bin/ingest" --store embedded --dry-run --format json "$tmp/corpus.jsonl"
readouts=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"]["readouts"])' "$tmp/rows.json")
echo "corpus: $N readouts, $readouts extracted by the dry run"

ingest=() plain=()
for ((i = 1; i <= ROUNDS; i++)); do
  rm -f "$tmp/a.db" "$tmp/a.db-wal" "$tmp/a.db-shm"
  step "ingest, round $i" /dev/null "$tmp/bin/ingest" --store embedded --db "$tmp/a.db" "$tmp/corpus.jsonl"
  rate=$(awk -v n="$readouts" -v s="$STEP_SECONDS" 'BEGIN { printf "%.0f", n / s }')
  echo "round $i ingest:       readouts $readouts seconds $STEP_SECONDS readouts/s $rate"
  ingest+=("$rate")
  rm -f "$tmp/b.db" "$tmp/b.db-wal" "$tmp/b.db-shm"
  step "plain writer, round $i" "$tmp/b.out" python3 bench/plain_writer.py "$tmp/rows.json" "$tmp/b.db"
  echo "round $i plain writer: $(cat "$tmp/b.out")"
  plain+=("$(field readouts/s "$tmp/b.out")")
  if [ "$i" = 1 ]; then
    step "compare the two files" "$tmp/same.out" python3 bench/same_store.py "$tmp/a.db" "$tmp/b.db"
    echo "files: $(cat "$tmp/same.out")"
  fi
done

echo
python3 bench/summarize.py "readouts/s" "ingest (embedded)" "$(joined "${ingest[@]}")" \
  "plain writer (C SQLite)" "$(joined "${plain[@]}")"
machine
echo "modernc.org/sqlite $(go list -m -f '{{.Version}}' modernc.org/sqlite); C SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'); $(python3 -V)"
