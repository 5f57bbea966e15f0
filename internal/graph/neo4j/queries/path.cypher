// name: path
// description: Shortest paths of at most 6 hops between two nodes over every relationship but MENTIONS, ignoring direction; each way through parallel relationships is its own path, so at most 25 are returned.
// params: $from (node key like Official:antony-blinken), $to (node key like Official:wang-yi)
WITH split($from, ':')[0] AS labelA, substring($from, size(split($from, ':')[0]) + 1) AS idA,
     split($to, ':')[0] AS labelB, substring($to, size(split($to, ':')[0]) + 1) AS idB
MATCH (a:State|Official|Forum|Topic|Readout {id: idA})
WHERE labelA IN labels(a)
MATCH (b:State|Official|Forum|Topic|Readout {id: idB})
WHERE labelB IN labels(b) AND a <> b
MATCH p = allShortestPaths((a)-[:MET_WITH|DISCUSSED|COMMITTED_TO|EXPRESSED|MEMBER_OF|REPRESENTS*..6]-(b))
RETURN p
LIMIT 25
