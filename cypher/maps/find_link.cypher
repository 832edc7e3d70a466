// The share link a token's hash belongs to, whatever its state, with its view's options (the
// caller tells live from revoked and expired). A token names no tenant: the hash is unique.
// Parameters: $hash. Columns: id, tenant, view_id, expires_at, revoked_at, last_used_at,
// options, now
MATCH (l:ShareLink {hash: $hash})
OPTIONAL MATCH (v:MapView {tenant: l.tenant, id: l.view_id})
RETURN l.id AS id, l.tenant AS tenant, l.view_id AS view_id, l.expires_at AS expires_at,
       l.revoked_at AS revoked_at, l.last_used_at AS last_used_at, v.options AS options,
       datetime() AS now
