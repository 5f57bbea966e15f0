// name: state-timeline
// description: A state's meetings in date order, through the officials representing it, with each counterpart, their state and the readout that cites the meeting.
// params: $state (state key like State:AU)
WITH split($state, ':')[0] AS label, substring($state, size(split($state, ':')[0]) + 1) AS id
MATCH (s:State|Official|Forum|Topic|Readout {id: id})
WHERE label IN labels(s)
MATCH (o:Official)-[:REPRESENTS]->(s)
// One row per official, however many readouts cite their office.
WITH DISTINCT o
MATCH (o)-[m:MET_WITH]-(other:Official)
OPTIONAL MATCH (r:Readout {id: m.readout})
RETURN m.date AS date, o.name AS official, other.name AS counterpart, other.state AS counterpart_state,
       r.title AS readout, m.evidence AS evidence
ORDER BY date, official, counterpart
