// A tenant's presentations, most recently changed first. Parameters: $tenant.
// Columns: id, title, steps, created_by, created_at, updated_at
MATCH (p:Presentation {tenant: $tenant})
RETURN p.id AS id, p.title AS title, p.steps AS steps, p.created_by AS created_by,
       p.created_at AS created_at, p.updated_at AS updated_at
ORDER BY p.updated_at DESC, p.id
