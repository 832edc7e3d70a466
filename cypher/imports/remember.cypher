// Store what coordinators chose for import files (see memory.cypher), replacing the earlier
// text; the caller merges old and new. Parameters: $tenant, $memory (JSON text). Columns: none
MERGE (s:TenantState {tenant: $tenant})
SET s.import_memory = $memory
