// name: most-connected-officials
// description: Officials ranked by how many different officials they met, then by how many meetings are cited.
// params: $limit (how many officials, like 10)
MATCH (o:Official)-[m:MET_WITH]-(partner:Official)
WITH o, count(DISTINCT partner) AS partners, count(DISTINCT m) AS meetings
RETURN o.id AS official, o.name AS name, o.state AS state, partners, meetings
ORDER BY partners DESC, meetings DESC, name
LIMIT toInteger($limit)
