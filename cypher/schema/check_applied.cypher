// The schema's key indexes and their states (a uniqueness constraint's index has its name).
// Columns: name, state
SHOW INDEXES YIELD name, state
WHERE name IN ['node_tenant_id', 'node_names']
RETURN name, state
