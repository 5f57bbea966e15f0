// name: commitments
// description: COMMITTED_TO relationships of an official, or of a state and every official representing it.
// params: $key (node key like State:JP or Official:penny-wong)
WITH split($key, ':')[0] AS label, substring($key, size(split($key, ':')[0]) + 1) AS id
MATCH (n:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(n)
OPTIONAL MATCH (official)-[:REPRESENTS]->(n)
WHERE n:State
WITH n, collect(DISTINCT official) AS officials
WITH [n] + officials AS side
UNWIND side AS s
MATCH (s)-[rel:COMMITTED_TO]->(topic)
RETURN DISTINCT s AS from, rel, topic AS to
ORDER BY to.name, coalesce(rel.date, '')
