// Change a follow-up task, unless someone changed it since the version the change was made on.
// Parameters: $tenant, $id, $changes (map of the properties to set; a null removes one),
// $expected (the version read, or null to change whatever is there), $updated_by.
// Columns: task (the task after the change, or as it is when the version differed), changed
// (no row: no such task)
MATCH (t:WeavingTask {tenant: $tenant, id: $id})
WITH t, $expected IS NULL OR t.version = $expected AS allowed
CALL (t, allowed) {
  WITH t WHERE allowed
  SET t += $changes, t.version = t.version + 1, t.updated_by = $updated_by, t.updated_at = datetime()
}
RETURN t {.*} AS task, allowed AS changed
