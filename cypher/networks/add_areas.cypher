// Put new nodes in their areas (they have no earlier location to replace).
// Parameters: $tenant, $rows: [{id, area}]. Columns: linked
UNWIND $rows AS row
MATCH (n:Node {tenant: $tenant, id: row.id})
USING INDEX n:Node(tenant, id)
MATCH (a:Area {tenant: $tenant, id: row.area})
CREATE (n)-[:LOCATED_IN]->(a)
RETURN count(*) AS linked
