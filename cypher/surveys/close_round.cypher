// Close a round (once: a closed round keeps the time it was first closed). Setting it takes the
// round's lock (see lock_round.cypher): an answer being stored finishes before, none comes after.
// Parameters: $tenant, $id, $closed_by. Columns: closed_at (no row: no such round)
MATCH (r:SurveyRound {tenant: $tenant, id: $id})
SET r.closed_at = coalesce(r.closed_at, datetime()), r.closed_by = coalesce(r.closed_by, $closed_by)
RETURN r.closed_at AS closed_at
