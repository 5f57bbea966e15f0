// name: shared-forums
// description: Forums two states are both members of, with the readouts that cite each membership.
// params: $a (state key like State:US), $b (state key like State:JP)
WITH split($a, ':')[0] AS labelA, substring($a, size(split($a, ':')[0]) + 1) AS idA,
     split($b, ':')[0] AS labelB, substring($b, size(split($b, ':')[0]) + 1) AS idB
MATCH (a:State|Official|Forum|Topic|Readout {id: idA})
WHERE labelA IN labels(a)
MATCH (b:State|Official|Forum|Topic|Readout {id: idB})
WHERE labelB IN labels(b)
// Each side's citations collected apart: joining them would multiply them.
MATCH (a)-[ra:MEMBER_OF]->(f:Forum)
WITH b, f, collect(DISTINCT ra.readout) AS cited_for_a
MATCH (b)-[rb:MEMBER_OF]->(f)
WITH f, cited_for_a, collect(DISTINCT rb.readout) AS cited_for_b
RETURN f.id AS forum, f.name AS name, cited_for_a, cited_for_b
ORDER BY name
