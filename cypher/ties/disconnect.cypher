// Remove a tie. Tie type: `TIE_TYPE`. Parameters: $tenant, $source, $target. Columns: removed
MATCH (a:Node {tenant: $tenant, id: $source})-[r:`TIE_TYPE`]->(b:Node {tenant: $tenant, id: $target})
USING INDEX a:Node(tenant, id)
DELETE r
RETURN count(*) AS removed
