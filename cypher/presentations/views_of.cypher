// The saved views a presentation shows, by id. Parameters: $tenant, $views (ids).
// Columns: id, options
MATCH (v:MapView {tenant: $tenant})
WHERE v.id IN $views
RETURN v.id AS id, v.options AS options
