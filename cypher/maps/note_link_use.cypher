// Note that a share link was opened, at most once a minute: bookkeeping for the admins' list of
// share links, not a change the audit log records. Parameters: $tenant, $id. Columns: none
MATCH (l:ShareLink {tenant: $tenant, id: $id})
WHERE l.last_used_at IS NULL OR l.last_used_at < datetime() - duration({minutes: 1})
SET l.last_used_at = datetime()
