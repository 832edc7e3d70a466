// Settle every pending suggestion of one name in a round: approved as a new actor, merged into
// an existing one, or rejected. Parameters: $tenant, $round_id, $name_key, $status, $actor
// (the actor it became or was merged into; null when rejected), $decided_by. Columns: decided
MATCH (g:SurveySuggestion {tenant: $tenant, round_id: $round_id, name_key: $name_key})
WHERE g.status = 'pending'
SET g.status = $status, g.decided_actor = $actor, g.decided_by = $decided_by,
    g.decided_at = datetime()
RETURN count(g) AS decided
