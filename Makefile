.PHONY: neo4j-start neo4j-stop

# Local Neo4j 5 test server on bolt://127.0.0.1:7687 (auth off); see scripts/neo4j/neo4j.sh.
neo4j-start:
	scripts/neo4j/neo4j.sh start

neo4j-stop:
	scripts/neo4j/neo4j.sh stop
