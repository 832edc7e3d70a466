// Create or replace nodes by id. created_at survives a replace unless the row brings its own.
// Parameters: $tenant, $rows: [{id, labels, props}]. Columns: written
UNWIND $rows AS row
MERGE (n:Node {tenant: $tenant, id: row.id})
WITH n, row, coalesce(row.props.created_at, n.created_at, datetime()) AS created
SET n = row.props, n.tenant = $tenant, n.created_at = created,
    n.updated_at = coalesce(row.props.updated_at, datetime())
SET n:$(row.labels)
RETURN count(n) AS written
