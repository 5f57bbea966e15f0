// name: meetings
// description: MET_WITH relationships of an official, or of every official representing a state, between two dates ('' leaves a bound open).
// params: $key (node key like State:US or Official:antony-blinken), $since (ISO date like 2024-01-01, or ''), $until (ISO date like 2024-12-31, or '')
WITH split($key, ':')[0] AS label, substring($key, size(split($key, ':')[0]) + 1) AS id
MATCH (n:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(n)
OPTIONAL MATCH (official)-[:REPRESENTS]->(n)
WHERE n:State
WITH n, collect(DISTINCT official) AS officials
WITH [n] + officials AS side
UNWIND side AS s
MATCH (s)-[rel:MET_WITH]-()
WITH DISTINCT side, rel, startNode(rel) AS a, endNode(rel) AS b, coalesce(rel.date, '') AS date
WHERE ($since = '' AND $until = '')
   OR (date <> '' AND ($since = '' OR date >= $since) AND ($until = '' OR date <= $until))
WITH rel, CASE WHEN NOT a IN side AND b IN side THEN [b, a] ELSE [a, b] END AS ends
RETURN ends[0] AS from, rel, ends[1] AS to
ORDER BY rel.date, from.name, to.name
