// Every node id of a tenant with its labels. Parameters: $tenant. Columns: id, labels
MATCH (n:Node {tenant: $tenant})
RETURN n.id AS id, labels(n) AS labels
