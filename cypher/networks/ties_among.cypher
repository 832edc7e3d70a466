// The ties among a set of nodes. Parameters: $tenant, $ids, $types (or null for all).
// Columns: source, type, target, props
MATCH (a:Node {tenant: $tenant})-[r]->(b:Node {tenant: $tenant})
WHERE a.id IN $ids AND b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
