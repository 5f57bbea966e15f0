#!/usr/bin/env bash
# The project's test command (README, "Run the tests"; .ci/run runs it too):
# vet, the whole test suite against a real Neo4j when one can be had, and a
# short run of every fuzz target (FUZZTIME each; FUZZ_ONLY=1 runs only those).
#
# The short run counts executions rather than seconds: a -fuzztime duration
# sets a deadline that also covers replaying the cached corpus, and Go's
# fuzzing coordinator can report that deadline itself as a failure
# ("context deadline exceeded", no failing input) when it expires while the
# corpus is still being replayed, which a slow machine with a grown cache
# reaches. A timed run (make fuzz) that ends only in that message, with no
# failing input written, is reported and not counted as a finding.
#
# Neo4j, in this order: NEO4J_TEST_URI if set (the user's explicit
# choice: the Neo4j tests wipe that database); else a server of this run's
# own from scripts/neo4j, on a free port with a fresh store in a temporary
# directory, stopped and deleted afterwards, when Java and Maven are
# installed. A Neo4j that merely answers on 7687 is never used: it may hold
# someone's graph. Else the Neo4j tests use testcontainers where Docker
# runs, or skip with a reason (and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-2000x}
# Each new input the fuzzer finds is minimised for at most this long: with
# Go's default of 60 s a long run spent most of its time minimising, at 0
# executions a second, rather than exploring.
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-5s}
started=""
neo4j_home=""
cleanup() {
  if [ -n "$started" ]; then scripts/neo4j/neo4j.sh stop || true; fi
  if [ -n "$neo4j_home" ]; then rm -rf "$neo4j_home"; fi
}
trap cleanup EXIT

# free_port prints a TCP port on 127.0.0.1 that nothing answers on. The
# server script refuses the port (NEO4J_OWN=1) should another process
# take it first.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "test.sh: no free port found" >&2
  return 1
}

if [ -z "${NEO4J_TEST_URI:-}" ] && [ -z "${FUZZ_ONLY:-}" ] && command -v java >/dev/null && command -v mvn >/dev/null; then
  neo4j_home=$(mktemp -d "${TMPDIR:-/tmp}/diplograph-neo4j.XXXXXX")
  NEO4J_HOME_DIR=$neo4j_home
  NEO4J_BOLT_PORT=$(free_port)
  export NEO4J_HOME_DIR NEO4J_BOLT_PORT
  started=yes
  NEO4J_OWN=1 NEO4J_WIPE=1 scripts/neo4j/neo4j.sh start
  export NEO4J_TEST_URI=bolt://127.0.0.1:$NEO4J_BOLT_PORT
  # The fault test starts and stops servers of its own; it may, since this
  # run's server is the script's too.
  export NEO4J_TEST_FAULT_SCRIPT=1
  # The script's server takes TLS too, with a self-signed certificate.
  cert=$(scripts/neo4j/neo4j.sh cert)
  if [ -f "$cert" ]; then export NEO4J_TEST_TLS_CERT=$cert; fi
fi

# networkx, from PyPI into a virtual environment of the run's own, reads
# the GraphML export in the e2e tests as an analyst's script would.
if [ -z "${FUZZ_ONLY:-}" ] && [ -z "${DIPLOGRAPH_NETWORKX_PYTHON:-}" ] && command -v python3 >/dev/null; then
  venv="${TMPDIR:-/tmp}/diplograph-test-venv"
  if [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; then
    if "$venv/bin/pip" install -q networkx >/dev/null 2>&1 || "$venv/bin/python" -c 'import networkx' 2>/dev/null; then
      export DIPLOGRAPH_NETWORKX_PYTHON="$venv/bin/python"
    fi
  fi
fi

if [ -z "${FUZZ_ONLY:-}" ]; then
  echo "== go vet"
  go vet ./...
  echo "== go test"
  go test -count=1 ./...
  echo "== go test -race (the concurrent parts)"
  go test -count=1 -race ./internal/ingest ./internal/extract ./internal/graph/embedded
fi
# deadline_only reports whether a failed fuzz log holds nothing but the
# coordinator's own deadline: no failing input written, no panic, no test error.
deadline_only() {
  grep -q '^    context deadline exceeded$' "$1" &&
    ! grep -q -e 'Failing input written' -e 'panic:' -e '_test.go:[0-9]*:' "$1"
}

# report_execs prints how many inputs a fuzz run executed and how fast,
# from the last progress line Go's fuzzer wrote: a target whose rate
# falls to nothing (large seeds, a slow input) shows here.
report_execs() {
  awk -v fn="$1" '/^fuzz: elapsed: .*execs: / {
      line = $0
      sub(/^fuzz: elapsed: /, "", line); el = line; sub(/s,.*/, "", el)
      ex = $0; sub(/.*execs: /, "", ex); sub(/ .*/, "", ex)
    }
    END {
      if (ex == "") { print "   " fn ": no fuzzing progress reported"; exit }
      if (el > 0) printf "   %s: %d execs in %ds (%d/s)\n", fn, ex, el, int(ex / el)
      else printf "   %s: %d execs in under a second\n", fn, ex
    }' "$2"
}

echo "== fuzz ($FUZZTIME each)"
# One line per fuzz target: "package function".
go test -list '^Fuzz' ./... | awk '/^Fuzz/ {fns[++n] = $1} /^ok/ {for (i = 1; i <= n; i++) print $2, fns[i]; n = 0}' |
while read -r pkg fn; do
  echo "-- $pkg $fn"
  log=$(mktemp)
  if ! go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$pkg" >"$log" 2>&1; then
    if deadline_only "$log"; then
      echo "   $fn: the fuzzing deadline expired inside Go's coordinator; no failing input was found"
    else
      cat "$log"; rm -f "$log"; exit 1
    fi
  fi
  report_execs "$fn" "$log"
  rm -f "$log"
done
echo "== all tests passed"
