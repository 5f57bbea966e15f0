// name: stats
// description: How many nodes of each label and relationships of each type the graph holds.
// params:
MATCH (n)
RETURN 'nodes' AS kind, labels(n)[0] AS name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'relationships' AS kind, type(r) AS name, count(*) AS count
