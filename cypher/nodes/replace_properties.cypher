// Replace a node's properties (created_at is kept by the caller). Parameters: $tenant, $id,
// $props. Columns: id
MATCH (n:Node {tenant: $tenant, id: $id})
SET n = $props, n.tenant = $tenant, n.id = $id, n.updated_at = datetime()
RETURN n.id AS id
