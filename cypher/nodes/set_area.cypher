// Move a node to an area (or out of every area when $area is null): its LOCATED_IN tie.
// Parameters: $tenant, $id, $area. Columns: linked (1 when the area was found, else 0)
MATCH (n:Node {tenant: $tenant, id: $id})
OPTIONAL MATCH (n)-[old:LOCATED_IN]->()
DELETE old
WITH DISTINCT n
OPTIONAL MATCH (a:Area {tenant: $tenant, id: $area})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (n)-[:LOCATED_IN]->(a))
RETURN count(a) AS linked
