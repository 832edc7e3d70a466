// Every tie of a tenant except locations. Parameters: $tenant. Columns: source, type, target, props
MATCH (a:Node {tenant: $tenant})-[r]->(b:Node {tenant: $tenant})
WHERE type(r) <> 'LOCATED_IN'
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target
