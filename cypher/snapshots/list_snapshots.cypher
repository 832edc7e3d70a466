// A tenant's snapshots without their content, oldest first.
// Parameters: $tenant. Columns: id, name, taken_on, created_at, measures, actors, ties
MATCH (s:Snapshot {tenant: $tenant})
RETURN s.id AS id, s.name AS name, s.taken_on AS taken_on, s.created_at AS created_at,
       s.measures AS measures, s.actors AS actors, s.ties AS ties
ORDER BY taken_on, created_at, id
