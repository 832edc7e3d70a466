// Every node of a tenant, whatever its labels, for a backup: graphsvc's own labels and any
// added later are found alike (a scan of all nodes, deliberately: a backup runs rarely and must
// not miss a label that has no tenant index). TenantState is bookkeeping, renewed on restore.
// In pages of $page nodes, each page one record: the driver decodes a few large values far
// faster than thousands of small records. Zoned datetimes also come as Cypher's text: the driver
// cannot tell "Z" from "[UTC]".
// Parameters: $tenant, $page. Columns: page: list of [element id, labels, properties, zoned],
// where zoned is a list of [key, text or [texts]]
MATCH (n)
WHERE n.tenant = $tenant AND NOT n:TenantState
WITH collect(n) AS nodes
UNWIND range(0, size(nodes) - 1, $page) AS start
RETURN [n IN nodes[start..start + $page] |
        [elementId(n), labels(n), properties(n),
         [k IN keys(n) WHERE valueType(n[k]) CONTAINS 'ZONED DATETIME' |
          [k, CASE WHEN valueType(n[k]) STARTS WITH 'LIST'
                   THEN [x IN n[k] | toString(x)] ELSE toString(n[k]) END]]]] AS page
