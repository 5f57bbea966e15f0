#!/usr/bin/env bash
# The project's test command (README, "Run the tests"; .ci/run runs it too):
# vet, the whole test suite against a real Neo4j when one can be had, and a
# short run of every fuzz target (FUZZTIME each; FUZZ_ONLY=1 runs only those).
#
# Neo4j, in this order: NEO4J_TEST_URI if set; else the local server from
# scripts/neo4j (started here and stopped afterwards) when Java and Maven
# are installed; else the Neo4j tests use testcontainers where Docker runs,
# or skip with a reason (and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-5s}
started=""
cleanup() {
  if [ -n "$started" ]; then scripts/neo4j/neo4j.sh stop || true; fi
}
trap cleanup EXIT

if [ -z "${NEO4J_TEST_URI:-}" ] && command -v java >/dev/null && command -v mvn >/dev/null; then
  if ! scripts/neo4j/neo4j.sh status >/dev/null 2>&1; then
    NEO4J_WIPE=1 scripts/neo4j/neo4j.sh start
    started=yes
  fi
  export NEO4J_TEST_URI=bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}
fi

if [ -z "${FUZZ_ONLY:-}" ]; then
  echo "== go vet"
  go vet ./...
  echo "== go test"
  go test -count=1 ./...
  echo "== go test -race (the concurrent parts)"
  go test -count=1 -race ./internal/ingest ./internal/extract ./internal/graph/embedded
fi
echo "== fuzz ($FUZZTIME each)"
# One line per fuzz target: "package function".
go test -list '^Fuzz' ./... | awk '/^Fuzz/ {fns[++n] = $1} /^ok/ {for (i = 1; i <= n; i++) print $2, fns[i]; n = 0}' |
while read -r pkg fn; do
  echo "-- $pkg $fn"
  log=$(mktemp)
  if ! go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$FUZZTIME" "$pkg" >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; exit 1
  fi
  rm -f "$log"
done
echo "== all tests passed"
