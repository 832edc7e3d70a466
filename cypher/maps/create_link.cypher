// A share link to a saved view, stored as the hash of its token only. Parameters: $tenant,
// $view, $id, $hash, $created_by, $expires_at (or null: never).
// Columns: id, view_id, created_by, created_at, expires_at, revoked_at, last_used_at (no row: no such view)
MATCH (v:MapView {tenant: $tenant, id: $view})
CREATE (l:ShareLink {tenant: $tenant, id: $id, view_id: v.id, hash: $hash,
                     created_by: $created_by, created_at: datetime(), expires_at: $expires_at})
RETURN l.id AS id, l.view_id AS view_id, l.created_by AS created_by, l.created_at AS created_at,
       l.expires_at AS expires_at, l.revoked_at AS revoked_at, l.last_used_at AS last_used_at
