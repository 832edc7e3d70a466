// Create a tie, or replace the properties of the existing one of the same type.
// Parameters: $tenant, $source, $target, $type (checked against the domain's tie types), $props.
// Columns: created (false when the tie existed)
MATCH (a:Node {tenant: $tenant, id: $source}), (b:Node {tenant: $tenant, id: $target})
OPTIONAL MATCH (a)-[existing:$($type)]->(b)
WITH a, b, existing IS NULL AS created
MERGE (a)-[r:$($type)]->(b)
SET r = $props
RETURN created
