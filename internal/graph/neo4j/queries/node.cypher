// name: node
// description: One node by its key.
// params: $key (node key like State:US)
WITH split($key, ':')[0] AS label, substring($key, size(split($key, ':')[0]) + 1) AS id
MATCH (n:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(n)
RETURN n
