// name: find
// description: Nodes other than readouts whose id or name contains the text, ignoring case; shortest names first.
// params: $text (text to look for, like wang), $limit (how many nodes at most, like 10)
MATCH (n:State|Official|Forum|Topic)
WHERE toLower(n.id) CONTAINS toLower($text) OR toLower(n.name) CONTAINS toLower($text)
RETURN n
ORDER BY size(n.name), labels(n)[0] + ':' + n.id
LIMIT toInteger($limit)
