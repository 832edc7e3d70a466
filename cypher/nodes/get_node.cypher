// One node of a tenant. Parameters: $tenant, $id. Columns: labels, props, area
MATCH (n:Node {tenant: $tenant, id: $id})
OPTIONAL MATCH (n)-[:LOCATED_IN]->(a:Area)
RETURN labels(n) AS labels, properties(n) AS props, a.id AS area
