// How many ties each given node has (locations not counted).
// Parameters: $tenant, $ids. Columns: id, ties
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
RETURN wanted AS id, COUNT { (n)-[r]-(:Node) WHERE type(r) <> 'LOCATED_IN' } AS ties
