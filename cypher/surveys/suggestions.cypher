// The suggestions of new organisations in a round (or one name's), oldest first, with the
// respondent's name. Parameters: $tenant, $round_id, $name_key (null: all).
// Columns: id, name, name_key, actor_id, actor_name, frequency, trust, value, status,
// decided_actor, decided_actor_name, created_at
MATCH (g:SurveySuggestion {tenant: $tenant, round_id: $round_id})
WHERE $name_key IS NULL OR g.name_key = $name_key
OPTIONAL MATCH (a:Actor {tenant: $tenant, id: g.actor_id})
OPTIONAL MATCH (d:Actor {tenant: $tenant, id: g.decided_actor})
RETURN g.id AS id, g.name AS name, g.name_key AS name_key, g.actor_id AS actor_id,
       a.name AS actor_name, g.frequency AS frequency, g.trust AS trust, g.value AS value,
       g.status AS status, g.decided_actor AS decided_actor, d.name AS decided_actor_name,
       g.created_at AS created_at
ORDER BY g.created_at, g.id
