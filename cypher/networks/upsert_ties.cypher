// Create ties of one type or replace their properties. Tie type: `TIE_TYPE`.
// Parameters: $tenant, $rows: [{source, target, props}]. Columns: written
UNWIND $rows AS row
MATCH (a:Node {tenant: $tenant, id: row.source})
USING INDEX a:Node(tenant, id)
MATCH (b:Node {tenant: $tenant, id: row.target})
USING INDEX b:Node(tenant, id)
MERGE (a)-[r:`TIE_TYPE`]->(b)
SET r = row.props
RETURN count(r) AS written
