// Create ties or replace their properties. Parameters: $tenant, $rows: [{source, type, target,
// props}] (types checked against the domain's tie types). Columns: written
UNWIND $rows AS row
MATCH (a:Node {tenant: $tenant, id: row.source})
MATCH (b:Node {tenant: $tenant, id: row.target})
MERGE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
