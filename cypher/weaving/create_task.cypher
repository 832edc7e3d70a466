// Store a follow-up task for an introduction (network weaving). A WeavingTask is not a Node:
// it is the coordinators' bookkeeping, never part of the network it is about.
// Parameters: $tenant, $id, $task (map: first, second, introducer, target_group, assigned_to,
// due_on (date or null), status, note, introduced_on (date or null)), $created_by.
// Columns: task (map of every property)
WITH datetime() AS now
CREATE (t:WeavingTask {tenant: $tenant, id: $id})
SET t += $task,
    t.created_by = $created_by, t.created_at = now,
    t.updated_by = $created_by, t.updated_at = now, t.version = 1
RETURN t {.*} AS task
