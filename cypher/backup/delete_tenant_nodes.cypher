// Delete every node of a tenant, whatever its labels, with its relationships: the first step
// of a restore with --replace, inside the restore's transaction so a failed restore keeps the
// old data. Parameters: $tenant. Columns: deleted
MATCH (n)
WHERE n.tenant = $tenant AND NOT n:TenantState
DETACH DELETE n
RETURN count(*) AS deleted
