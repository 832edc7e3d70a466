// Every node of a tenant, whatever its labels, for a backup: graphsvc's own labels and any
// added later are found alike (a scan of all nodes, deliberately: a backup runs rarely and must
// not miss a label that has no tenant index). TenantState is bookkeeping, renewed on restore.
// Zoned datetimes also come as Cypher's text: the driver cannot tell "Z" from "[UTC]".
// Parameters: $tenant. Columns: element, labels, props, zoned ([[key, text or [texts]]])
MATCH (n)
WHERE n.tenant = $tenant AND NOT n:TenantState
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props,
       [k IN keys(n) WHERE valueType(n[k]) CONTAINS 'ZONED DATETIME' |
        [k, CASE WHEN valueType(n[k]) STARTS WITH 'LIST'
                 THEN [x IN n[k] | toString(x)] ELSE toString(n[k]) END]] AS zoned
