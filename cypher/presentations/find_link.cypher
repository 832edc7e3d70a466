// The presentation link a token's hash belongs to, whatever its state, and whether its
// presentation still exists (the caller tells live from revoked and expired). A token names no
// tenant: the hash is unique. Parameters: $hash. Columns: id, tenant, presentation_id,
// expires_at, revoked_at, last_used_at, exists, now
MATCH (l:PresentationLink {hash: $hash})
OPTIONAL MATCH (p:Presentation {tenant: l.tenant, id: l.presentation_id})
RETURN l.id AS id, l.tenant AS tenant, l.presentation_id AS presentation_id,
       l.expires_at AS expires_at, l.revoked_at AS revoked_at, l.last_used_at AS last_used_at,
       p IS NOT NULL AS exists, datetime() AS now
