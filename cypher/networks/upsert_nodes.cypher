// Replace the properties of nodes that exist (by id); created_at survives unless the row brings
// its own. Parameters: $tenant, $rows: [{id, labels, props}]. Columns: written
UNWIND $rows AS row
MATCH (n:Node {tenant: $tenant, id: row.id})
USING INDEX n:Node(tenant, id)
WITH n, row, coalesce(row.props.created_at, n.created_at, datetime()) AS created
SET n = row.props, n.tenant = $tenant, n.id = row.id, n.created_at = created,
    n.updated_at = coalesce(row.props.updated_at, datetime())
RETURN count(n) AS written
