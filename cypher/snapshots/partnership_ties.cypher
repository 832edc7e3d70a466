// The ties a snapshot keeps, among the nodes of partnership_nodes: those of $types, which
// only ever join such nodes. Locations come with the nodes.
// Parameters: $tenant, $types. Columns: ties (list of [source, type, target, props])
MATCH (a:Node {tenant: $tenant})-[r]->(b:Node {tenant: $tenant})
WHERE (a:Actor OR a:Area OR a:Initiative) AND type(r) IN $types
RETURN collect([a.id, type(r), b.id, properties(r)]) AS ties
