// One follow-up task of a tenant. Parameters: $tenant, $id. Columns: task (no row: no such task)
MATCH (t:WeavingTask {tenant: $tenant, id: $id})
RETURN t {.*} AS task
