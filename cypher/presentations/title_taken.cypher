// Another presentation of the tenant with this title (case and spacing ignored).
// Parameters: $tenant, $name_key, $id (the presentation being edited, or null). Columns: id
MATCH (p:Presentation {tenant: $tenant, name_key: $name_key})
WHERE $id IS NULL OR p.id <> $id
RETURN p.id AS id
LIMIT 1
