// The stored ties between given pairs of nodes, of given types, in one record.
// Parameters: $tenant, $pairs (list of [source, target]), $types.
// Columns: ties (list of [source, type, target, props])
UNWIND $pairs AS pair
MATCH (a:Node {tenant: $tenant, id: pair[0]})
USING INDEX a:Node(tenant, id)
MATCH (a)-[r]->(b:Node {tenant: $tenant, id: pair[1]})
WHERE type(r) IN $types
RETURN collect([a.id, type(r), b.id, properties(r)]) AS ties
