// Delete a follow-up task. Parameters: $tenant, $id. Columns: task (what it was; no row: none)
MATCH (t:WeavingTask {tenant: $tenant, id: $id})
WITH t, t {.*} AS task
DELETE t
RETURN task
