// The ties among a set of nodes, in one record: the driver decodes one large list far faster
// than thousands of records. Parameters: $tenant, $ids, $types.
// Columns: ties (list of [source, type, target, props])
UNWIND $ids AS wanted
MATCH (a:Node {tenant: $tenant, id: wanted})-[r]->(b:Node {tenant: $tenant})
WHERE b.id IN $ids AND type(r) IN $types
RETURN collect([a.id, type(r), b.id, properties(r)]) AS ties
