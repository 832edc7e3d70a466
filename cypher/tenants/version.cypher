// The version token of a tenant's data (null if it has never been written through graphsvc).
// Read through properties(): until the first write of a database creates the property key,
// naming `s.version` makes Neo4j warn on every read. Parameters: $tenant. Columns: version
OPTIONAL MATCH (s:TenantState {tenant: $tenant})
RETURN properties(s)['version'] AS version
