// One snapshot, with its content, by id or by name (case-folded).
// Parameters: $tenant, $id, $name_key. Columns: id, name, taken_on, created_at, measures,
// actors, ties, content
MATCH (s:Snapshot {tenant: $tenant})
WHERE s.id = $id OR s.name_key = $name_key
RETURN s.id AS id, s.name AS name, s.taken_on AS taken_on, s.created_at AS created_at,
       s.measures AS measures, s.actors AS actors, s.ties AS ties, s.content AS content
ORDER BY s.id = $id DESC
LIMIT 1
