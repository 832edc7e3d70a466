// A share link to a presentation, stored as the hash of its token only. Parameters: $tenant,
// $presentation, $id, $hash, $created_by, $expires_at (or null: never).
// Columns: id, presentation_id, created_by, created_at, expires_at, revoked_at, last_used_at
// (no row: no such presentation)
MATCH (p:Presentation {tenant: $tenant, id: $presentation})
CREATE (l:PresentationLink {tenant: $tenant, id: $id, presentation_id: p.id, hash: $hash,
                            created_by: $created_by, created_at: datetime(), expires_at: $expires_at})
RETURN l.id AS id, l.presentation_id AS presentation_id, l.created_by AS created_by,
       l.created_at AS created_at, l.expires_at AS expires_at, l.revoked_at AS revoked_at,
       l.last_used_at AS last_used_at
