// Delete every node of a tenant with its ties, in batches (run outside a transaction).
// Parameters: $tenant. Columns: none
MATCH (n:Node {tenant: $tenant})
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
