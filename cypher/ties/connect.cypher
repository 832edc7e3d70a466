// Create a tie, or replace the properties of the existing one of the same type.
// Tie type: `TIE_TYPE` (filled in from the domain's tie types).
// Parameters: $tenant, $source, $target, $props. Columns: created (false when the tie existed)
MATCH (a:Node {tenant: $tenant, id: $source})
USING INDEX a:Node(tenant, id)
MATCH (b:Node {tenant: $tenant, id: $target})
USING INDEX b:Node(tenant, id)
OPTIONAL MATCH (a)-[existing:`TIE_TYPE`]->(b)
WITH a, b, existing IS NULL AS created
MERGE (a)-[r:`TIE_TYPE`]->(b)
SET r = $props
RETURN created
