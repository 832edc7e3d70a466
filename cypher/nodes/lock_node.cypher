// Take the write lock on a node for the rest of the transaction (setting a property does; it is
// removed at once), so what the transaction reads next cannot change under it.
// Parameters: $tenant, $id. Columns: id (none: no such node)
MATCH (n:Node {tenant: $tenant, id: $id})
SET n.locked_by_update = true
REMOVE n.locked_by_update
RETURN n.id AS id
