// How many ties each given node has (locations, and nodes with a label in $hidden, not
// counted: the caller may not see them). Parameters: $tenant, $ids, $hidden. Columns: id, ties
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
RETURN wanted AS id, COUNT { (n)-[r]-(m:Node) WHERE type(r) <> 'LOCATED_IN'
                            AND none(label IN labels(m) WHERE label IN $hidden) } AS ties
