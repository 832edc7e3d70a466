// Every tie of a node in either direction, except its location (held as the node's area).
// Parameters: $tenant, $id. Columns: source, type, target, props
MATCH (n:Node {tenant: $tenant, id: $id})-[r]-(:Node)
WHERE type(r) <> 'LOCATED_IN'
RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, properties(r) AS props
ORDER BY type, source, target
