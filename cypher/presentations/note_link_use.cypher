// Note that a presentation link was opened, at most once a minute (bookkeeping, not a change
// the audit log records). Parameters: $tenant, $id. Columns: none
MATCH (l:PresentationLink {tenant: $tenant, id: $id})
WHERE l.last_used_at IS NULL OR l.last_used_at < datetime() - duration({minutes: 1})
SET l.last_used_at = datetime()
