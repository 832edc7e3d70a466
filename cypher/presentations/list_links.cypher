// A tenant's presentation links (of one presentation, or all), newest first.
// Parameters: $tenant, $presentation (or null).
// Columns: id, presentation_id, created_by, created_at, expires_at, revoked_at, last_used_at
MATCH (l:PresentationLink {tenant: $tenant})
WHERE $presentation IS NULL OR l.presentation_id = $presentation
RETURN l.id AS id, l.presentation_id AS presentation_id, l.created_by AS created_by,
       l.created_at AS created_at, l.expires_at AS expires_at, l.revoked_at AS revoked_at,
       l.last_used_at AS last_used_at
ORDER BY l.created_at DESC, l.id
