// A page of a tenant's audit log, newest first, filtered. Every filter may be null (no filter).
// Parameters: $tenant, $subjects (entries about any of these node ids or "user:<name>"),
// $actor (a user's name: entries made by them, whatever their role then), $since, $until
// (from and before these times), $after_at and $after_id (the last entry of the page before),
// $limit. Columns: id, at, actor, action, target, subjects, before, after, redacted
MATCH (e:AuditEntry)
WHERE e.tenant = $tenant AND e.at IS NOT NULL
  AND ($subjects IS NULL OR any(s IN e.subjects WHERE s IN $subjects))
  AND ($actor IS NULL OR e.actor = $actor OR e.actor STARTS WITH $actor + ' (')
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at < $until)
  AND ($after_at IS NULL OR e.at < $after_at OR (e.at = $after_at AND e.id < $after_id))
RETURN e.id AS id, e.at AS at, e.actor AS actor, e.action AS action, e.target AS target,
       e.subjects AS subjects, e.before AS before, e.after AS after,
       coalesce(e.redacted, false) AS redacted
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
