// One presentation link of a tenant. Parameters: $tenant, $id.
// Columns: id, presentation_id, created_by, created_at, expires_at, revoked_at, last_used_at
// (no row: no such link)
MATCH (l:PresentationLink {tenant: $tenant, id: $id})
RETURN l.id AS id, l.presentation_id AS presentation_id, l.created_by AS created_by,
       l.created_at AS created_at, l.expires_at AS expires_at, l.revoked_at AS revoked_at,
       l.last_used_at AS last_used_at
