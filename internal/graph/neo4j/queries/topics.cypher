// name: topics
// description: DISCUSSED relationships, from either side, of topics two nodes discussed in the same readout (a state stands for its officials too).
// params: $a (node key like State:US), $b (node key like State:CN)
WITH split($a, ':')[0] AS labelA, substring($a, size(split($a, ':')[0]) + 1) AS idA,
     split($b, ':')[0] AS labelB, substring($b, size(split($b, ':')[0]) + 1) AS idB
MATCH (na:State|Official|Forum|Topic|Readout {id: idA})
WHERE labelA IN labels(na)
MATCH (nb:State|Official|Forum|Topic|Readout {id: idB})
WHERE labelB IN labels(nb)
OPTIONAL MATCH (officialA)-[:REPRESENTS]->(na)
WHERE na:State
WITH na, nb, collect(DISTINCT officialA) AS officialsA
WITH nb, [na] + officialsA AS sideA
OPTIONAL MATCH (officialB)-[:REPRESENTS]->(nb)
WHERE nb:State
WITH nb, sideA, collect(DISTINCT officialB) AS officialsB
WITH sideA, [nb] + officialsB AS sideB
UNWIND sideA + sideB AS s
MATCH (s)-[rel:DISCUSSED]->(topic)
WITH DISTINCT sideA, sideB, s, rel, topic
// The other side's citation of the same topic in the same readout, found
// through the readout index: a topic is discussed in thousands of readouts.
WHERE (s IN sideA AND EXISTS {
         MATCH (y)-[f:DISCUSSED]->(t) USING INDEX f:DISCUSSED(readout)
         WHERE f.readout = rel.readout AND t = topic AND y IN sideB })
   OR (s IN sideB AND EXISTS {
         MATCH (y)-[f:DISCUSSED]->(t) USING INDEX f:DISCUSSED(readout)
         WHERE f.readout = rel.readout AND t = topic AND y IN sideA })
RETURN s AS from, rel, topic AS to
ORDER BY to.name, coalesce(rel.date, '')
