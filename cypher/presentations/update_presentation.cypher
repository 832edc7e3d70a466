// Replace a presentation's title and steps (an edit, a new order). Parameters: $tenant, $id,
// $title, $name_key, $steps. Columns: id, title, steps, created_by, created_at, updated_at
// (no row: no such presentation)
MATCH (p:Presentation {tenant: $tenant, id: $id})
SET p.title = $title, p.name_key = $name_key, p.steps = $steps, p.updated_at = datetime()
RETURN p.id AS id, p.title AS title, p.steps AS steps, p.created_by AS created_by,
       p.created_at AS created_at, p.updated_at AS updated_at
