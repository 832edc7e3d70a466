// Store a new presentation: its title and its steps (JSON: view, heading, text, in order).
// Parameters: $tenant, $id, $title, $name_key, $steps, $created_by.
// Columns: id, title, steps, created_by, created_at, updated_at
CREATE (p:Presentation {tenant: $tenant, id: $id, title: $title, name_key: $name_key, steps: $steps,
                        created_by: $created_by, created_at: datetime(), updated_at: datetime()})
RETURN p.id AS id, p.title AS title, p.steps AS steps, p.created_by AS created_by,
       p.created_at AS created_at, p.updated_at AS updated_at
