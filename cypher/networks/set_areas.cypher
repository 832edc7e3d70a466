// Put nodes in their areas (LOCATED_IN), replacing earlier locations; a null area removes it.
// Parameters: $tenant, $rows: [{id, area}]. Columns: linked
UNWIND $rows AS row
MATCH (n:Node {tenant: $tenant, id: row.id})
USING INDEX n:Node(tenant, id)
OPTIONAL MATCH (n)-[old:LOCATED_IN]->()
DELETE old
WITH DISTINCT n, row
MATCH (a:Area {tenant: $tenant, id: row.area})
MERGE (n)-[:LOCATED_IN]->(a)
RETURN count(*) AS linked
