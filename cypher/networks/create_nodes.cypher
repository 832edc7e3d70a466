// Create nodes whose ids are new in the tenant (checked by the caller; the constraint guards).
// Parameters: $tenant, $rows: [{id, labels, props}]. Columns: written
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props, n.tenant = $tenant, n.id = row.id,
    n.created_at = coalesce(row.props.created_at, datetime()),
    n.updated_at = coalesce(row.props.updated_at, datetime())
RETURN count(n) AS written
