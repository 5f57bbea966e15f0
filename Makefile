.PHONY: test neo4j-start neo4j-stop fuzz bench build

# The test command: vet, every test (Neo4j tests against a real server when
# one can be had), and a short run of each fuzz target.
test:
	scripts/test.sh

# Build the commands into bin/.
build:
	go build -o bin/ ./cmd/ingest ./cmd/query ./cmd/export ./cmd/evaluate ./cmd/gencorpus

# Local Neo4j 5 test server on bolt://127.0.0.1:7687 (auth off); see scripts/neo4j/neo4j.sh.
neo4j-start:
	scripts/neo4j/neo4j.sh start

neo4j-stop:
	scripts/neo4j/neo4j.sh stop

# A long fuzz run: FUZZTIME per target (default 10 minutes).
fuzz:
	FUZZ_ONLY=1 FUZZTIME=$${FUZZTIME:-10m} scripts/test.sh

# Benchmarks; compare runs with benchstat.
bench:
	go test -run '^$$' -bench . -benchmem -count 6 ./... | tee bench.txt
