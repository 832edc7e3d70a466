// A tenant's saved map views, newest first. Parameters: $tenant.
// Columns: id, options, created_by, created_at
MATCH (v:MapView {tenant: $tenant})
RETURN v.id AS id, v.options AS options, v.created_by AS created_by, v.created_at AS created_at
ORDER BY v.created_at DESC, v.id
