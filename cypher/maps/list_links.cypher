// A tenant's share links (of one view, or all), newest first. Parameters: $tenant, $view (or
// null). Columns: id, view_id, created_by, created_at, expires_at, revoked_at, last_used_at
MATCH (l:ShareLink {tenant: $tenant})
WHERE $view IS NULL OR l.view_id = $view
RETURN l.id AS id, l.view_id AS view_id, l.created_by AS created_by, l.created_at AS created_at,
       l.expires_at AS expires_at, l.revoked_at AS revoked_at, l.last_used_at AS last_used_at
ORDER BY l.created_at DESC, l.id
