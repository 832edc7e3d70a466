// Delete one snapshot by id. Parameters: $tenant, $id. Columns: deleted
OPTIONAL MATCH (s:Snapshot {tenant: $tenant, id: $id})
DELETE s
RETURN count(s) AS deleted
