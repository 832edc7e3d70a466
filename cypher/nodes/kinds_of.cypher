// The labels of the given nodes of a tenant (missing ids are left out).
// Parameters: $tenant, $ids. Columns: id, labels
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
RETURN n.id AS id, labels(n) AS labels
