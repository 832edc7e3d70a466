// Nodes of one tenant per kind. Parameters: $tenant. Columns: kind, count
MATCH (n:Node {tenant: $tenant})
WITH [label IN labels(n) WHERE NOT label IN ['Node', 'Actor']][0] AS kind
RETURN kind, count(*) AS count
ORDER BY kind
