// The labels of the given nodes of a tenant (missing ids are left out).
// Parameters: $tenant, $ids. Columns: id, labels
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
RETURN n.id AS id, labels(n) AS labels
