// Note what a check of introductions found: for each task, the status it moves to (or its
// own), the day and the moment (a snapshot's id, or "now") a tie between the pair was seen.
// Parameters: $tenant, $outcomes (list of maps: id, status, tie_seen_on (date or null),
// tie_seen_in), $checked_by. Columns: task (each task after the check)
UNWIND $outcomes AS outcome
MATCH (t:WeavingTask {tenant: $tenant, id: outcome.id})
SET t.checked_at = datetime()
WITH t, outcome
CALL (t, outcome) {
  WITH t WHERE t.status <> outcome.status
  SET t.status = outcome.status, t.tie_seen_on = outcome.tie_seen_on, t.tie_seen_in = outcome.tie_seen_in,
      t.version = t.version + 1, t.updated_by = $checked_by, t.updated_at = t.checked_at
}
RETURN t {.*} AS task
