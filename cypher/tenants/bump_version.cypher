// Mark a tenant's data as changed, inside the transaction that changes them: a fresh version
// token, so every process holding something derived from the data (the analytics projection)
// sees the change with one cheap read. A random token rather than a counter: two concurrent
// writes can never end on the same value, and a tenant deleted and loaded again never repeats
// an old one. Parameters: $tenant. Columns: version
MERGE (s:TenantState {tenant: $tenant})
SET s.version = randomUUID(), s.changed_at = datetime()
RETURN s.version AS version
