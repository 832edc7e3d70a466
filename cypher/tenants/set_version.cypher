// Give a tenant that has a TenantState a new version token (see bump_version.cypher). A MATCH
// then SET takes the node's write lock at once; MERGE would first share it, and two writers
// sharing it and both waiting to take it for themselves deadlock (Neo4j retries one after a
// pause of a second or more). Parameters: $tenant. Columns: version (no row: no TenantState yet)
MATCH (s:TenantState {tenant: $tenant})
SET s.version = randomUUID(), s.changed_at = datetime()
RETURN s.version AS version
