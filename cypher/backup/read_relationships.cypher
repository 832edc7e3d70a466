// Every relationship between two nodes of a tenant, whatever its type, for a backup (see
// read_nodes on the scan). Parameters: $tenant.
// Columns: source, type, target (element ids), props, zoned ([[key, text or [texts]]])
MATCH (a)
WHERE a.tenant = $tenant AND NOT a:TenantState
MATCH (a)-[r]->(b)
WHERE b.tenant = $tenant AND NOT b:TenantState
RETURN elementId(a) AS source, type(r) AS type, elementId(b) AS target, properties(r) AS props,
       [k IN keys(r) WHERE valueType(r[k]) CONTAINS 'ZONED DATETIME' |
        [k, CASE WHEN valueType(r[k]) STARTS WITH 'LIST'
                 THEN [x IN r[k] | toString(x)] ELSE toString(r[k]) END]] AS zoned
