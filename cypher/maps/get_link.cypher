// One share link of a tenant. Parameters: $tenant, $id.
// Columns: id, view_id, created_by, created_at, expires_at, revoked_at, last_used_at (no row: no such link)
MATCH (l:ShareLink {tenant: $tenant, id: $id})
RETURN l.id AS id, l.view_id AS view_id, l.created_by AS created_by, l.created_at AS created_at,
       l.expires_at AS expires_at, l.revoked_at AS revoked_at, l.last_used_at AS last_used_at
