#!/usr/bin/env bash
# The project's test command (README, "Run the tests"; .ci/run runs it too):
# vet, the whole test suite against a real Neo4j when one can be had, and a
# short run of every fuzz target.
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

echo "== go vet"
go vet ./...
echo "== go test"
go test -count=1 ./...
echo "== go test -race (the concurrent parts)"
go test -count=1 -race ./internal/ingest ./internal/extract ./internal/graph/embedded
echo "== fuzz ($FUZZTIME each)"
for target in $(go test -list '^Fuzz' ./... | grep -E '^(Fuzz|ok)' | awk '/^Fuzz/{f=f" "$1} /^ok/{if(f!=""){print $2":"f}; f=""}'); do
  pkg=${target%%:*}
  for fn in ${target#*:}; do
    echo "-- $pkg $fn"
    go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$FUZZTIME" "$pkg" >/dev/null
  done
done
echo "== all tests passed"
