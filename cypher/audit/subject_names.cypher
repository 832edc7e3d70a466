// The names and kinds of the nodes an audit page is about, as they are now (deleted and erased
// nodes are left out). Parameters: $tenant, $ids. Columns: id, name, labels
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
RETURN n.id AS id, n.name AS name, labels(n) AS labels
