// Several nodes of a tenant by id (missing ids are left out), in one record: the driver decodes
// one large list far faster than thousands of records. Parameters: $tenant, $ids.
// Columns: nodes (list of [id, labels, props, area])
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
RETURN collect([n.id, labels(n), properties(n), head([(n)-[:LOCATED_IN]->(a:Area) | a.id])]) AS nodes
