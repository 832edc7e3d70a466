// One step of a breadth-first walk: the neighbours of a frontier, filtered.
// Parameters: $tenant, $ids (the frontier), $types (tie types),
// $kinds (labels or null for all), $seen (ids already reached, left out), $limit.
// Columns: id (a neighbour)
UNWIND $ids AS wanted
MATCH (:Node {tenant: $tenant, id: wanted})-[r]-(m:Node {tenant: $tenant})
WHERE type(r) IN $types
  AND ($kinds IS NULL OR any(label IN labels(m) WHERE label IN $kinds))
  AND NOT m.id IN $seen
RETURN DISTINCT m.id AS id
ORDER BY id
LIMIT $limit
