// Which of the given ids are actors of the tenant, with their names.
// Parameters: $tenant, $ids. Columns: id, name
UNWIND $ids AS wanted
MATCH (a:Actor {tenant: $tenant, id: wanted})
RETURN a.id AS id, a.name AS name
