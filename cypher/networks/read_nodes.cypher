// Every node of a tenant with its area. Parameters: $tenant. Columns: labels, props, area
MATCH (n:Node {tenant: $tenant})
OPTIONAL MATCH (n)-[:LOCATED_IN]->(a:Area)
RETURN labels(n) AS labels, properties(n) AS props, a.id AS area
ORDER BY n.id
