// Every tie of one node with the node at the other end (for an access export).
// Parameters: $tenant, $id. Columns: type, outgoing, props, other_id, other_name, other_labels
MATCH (n:Node {tenant: $tenant, id: $id})
USING INDEX n:Node(tenant, id)
MATCH (n)-[r]-(o:Node)
RETURN type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS props, o.id AS other_id,
       o.name AS other_name, labels(o) AS other_labels
ORDER BY type, other_id
