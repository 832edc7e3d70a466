// One presentation of a tenant. Parameters: $tenant, $id.
// Columns: id, title, steps, created_by, created_at, updated_at (no row: no such presentation)
MATCH (p:Presentation {tenant: $tenant, id: $id})
RETURN p.id AS id, p.title AS title, p.steps AS steps, p.created_by AS created_by,
       p.created_at AS created_at, p.updated_at AS updated_at
