// name: members
// description: MEMBER_OF relationships into a forum.
// params: $forum (node key like Forum:QUAD)
WITH split($forum, ':')[0] AS label, substring($forum, size(split($forum, ':')[0]) + 1) AS id
MATCH (n:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(n)
MATCH (member)-[rel:MEMBER_OF]->(n)
RETURN member AS from, rel, n AS to
ORDER BY from.name, coalesce(rel.date, '')
