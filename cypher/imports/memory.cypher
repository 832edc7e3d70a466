// What a tenant's coordinators chose for earlier import files: their own type words and, per
// shape of file (its headings), the column mapping and defaults. Kept as one JSON text on the
// tenant's bookkeeping node. Parameters: $tenant. Columns: memory (JSON text or null)
OPTIONAL MATCH (s:TenantState {tenant: $tenant})
RETURN properties(s)['import_memory'] AS memory
