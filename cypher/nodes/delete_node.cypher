// Delete a node and all its ties. Parameters: $tenant, $id. Columns: ties (how many went)
MATCH (n:Node {tenant: $tenant, id: $id})
WITH n, COUNT { (n)--() } AS ties
DETACH DELETE n
RETURN ties
