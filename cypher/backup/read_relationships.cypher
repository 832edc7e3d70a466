// Every relationship between two nodes of a tenant, whatever its type, for a backup, in pages
// of $page (see read_nodes on the scan and the pages).
// Parameters: $tenant, $page. Columns: page: list of [source element id, type, target element
// id, properties, zoned]
MATCH (a)
WHERE a.tenant = $tenant AND NOT a:TenantState
MATCH (a)-[r]->(b)
WHERE b.tenant = $tenant AND NOT b:TenantState
WITH collect(r) AS relationships
UNWIND range(0, size(relationships) - 1, $page) AS start
RETURN [r IN relationships[start..start + $page] |
        [elementId(startNode(r)), type(r), elementId(endNode(r)), properties(r),
         [k IN keys(r) WHERE valueType(r[k]) CONTAINS 'ZONED DATETIME' |
          [k, CASE WHEN valueType(r[k]) STARTS WITH 'LIST'
                   THEN [x IN r[k] | toString(x)] ELSE toString(r[k]) END]]]] AS page
