// The ids and name keys (case-folded names) of a tenant's snapshots, to choose a new one's.
// Parameters: $tenant. Columns: ids, name_keys
OPTIONAL MATCH (s:Snapshot {tenant: $tenant})
RETURN collect(s.id) AS ids, collect(s.name_key) AS name_keys
