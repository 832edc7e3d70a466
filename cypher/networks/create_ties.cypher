// Create ties that cannot exist yet (one end is a new node). Types are checked by the caller;
// a dynamic type is fine in CREATE (only MATCH and MERGE plan it as a scan).
// Parameters: $tenant, $rows: [{source, type, target, props}]. Columns: written
UNWIND $rows AS row
MATCH (a:Node {tenant: $tenant, id: row.source})
USING INDEX a:Node(tenant, id)
MATCH (b:Node {tenant: $tenant, id: row.target})
USING INDEX b:Node(tenant, id)
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
