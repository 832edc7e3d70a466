// Every node of a tenant with its labels and name, in one record (for finding nodes by name).
// Parameters: $tenant. Columns: nodes (list of [id, labels, name])
MATCH (n:Node {tenant: $tenant})
RETURN collect([n.id, labels(n), n.name]) AS nodes
