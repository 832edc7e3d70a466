// Replace a saved view's options (a new title, say). Parameters: $tenant, $id, $options.
// Columns: id, options, created_by, created_at (no row: no such view)
MATCH (v:MapView {tenant: $tenant, id: $id})
SET v.options = $options
RETURN v.id AS id, v.options AS options, v.created_by AS created_by, v.created_at AS created_at
