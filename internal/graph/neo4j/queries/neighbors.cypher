// name: neighbors
// description: Every cited relationship at a node (MENTIONS left out), seen from the node.
// params: $key (node key like Official:antony-blinken)
WITH split($key, ':')[0] AS label, substring($key, size(split($key, ':')[0]) + 1) AS id
MATCH (n:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(n)
MATCH (n)-[rel:MET_WITH|DISCUSSED|COMMITTED_TO|EXPRESSED|MEMBER_OF|REPRESENTS]-(other)
RETURN DISTINCT n AS from, rel, other AS to
ORDER BY type(rel), to.name, coalesce(rel.date, '')
