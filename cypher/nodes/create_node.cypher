// A new node. Parameters: $tenant, $labels (checked against the domain's kinds), $props.
// Columns: id. A taken id fails on the node_tenant_id constraint.
CREATE (n:$($labels))
SET n = $props, n.tenant = $tenant, n.created_at = datetime(), n.updated_at = datetime(),
    n.version = 1
RETURN n.id AS id
