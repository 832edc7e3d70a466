// Save a map view: which map, its options (JSON), who saved it. Parameters: $tenant, $id,
// $options, $created_by. Columns: id, options, created_by, created_at
CREATE (v:MapView {tenant: $tenant, id: $id, options: $options, created_by: $created_by,
                   created_at: datetime()})
RETURN v.id AS id, v.options AS options, v.created_by AS created_by, v.created_at AS created_at
