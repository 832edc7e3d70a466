// One saved map view of a tenant. Parameters: $tenant, $id.
// Columns: id, options, created_by, created_at (no row: no such view)
MATCH (v:MapView {tenant: $tenant, id: $id})
RETURN v.id AS id, v.options AS options, v.created_by AS created_by, v.created_at AS created_at
