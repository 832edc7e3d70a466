// A page of a tenant's audit log, newest first, optionally about one node.
// Parameters: $tenant, $subject (or null), $before_at (or null: from the newest), $limit.
// Columns: id, at, actor, action, target, before, after, redacted
MATCH (e:AuditEntry)
WHERE e.tenant = $tenant AND e.at IS NOT NULL
  AND ($subject IS NULL OR $subject IN e.subjects)
  AND ($before_at IS NULL OR e.at < $before_at)
RETURN e.id AS id, e.at AS at, e.actor AS actor, e.action AS action, e.target AS target,
       e.before AS before, e.after AS after, coalesce(e.redacted, false) AS redacted
ORDER BY e.at DESC
LIMIT $limit
