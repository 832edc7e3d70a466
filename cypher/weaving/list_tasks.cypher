// A tenant's follow-up tasks, oldest first. Parameters: $tenant. Columns: task
MATCH (t:WeavingTask {tenant: $tenant})
RETURN t {.*} AS task
ORDER BY t.created_at, t.id
