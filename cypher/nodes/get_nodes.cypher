// Several nodes of a tenant by id (missing ids are left out).
// Parameters: $tenant, $ids. Columns: id, labels, props, area
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
OPTIONAL MATCH (n)-[:LOCATED_IN]->(a:Area)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, a.id AS area
