// The user behind a token hash, if the token is live. Its last use is noted on the token and
// the user at most once a minute: bookkeeping for the admins' list of users, not a change the
// audit log records. (So this runs as a write, in the one transaction sign-in costs anyway.)
// Parameters: $hash. Columns: name, role, tenant
MATCH (t:ApiToken {hash: $hash})
WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > datetime())
MATCH (u:ApiUser {tenant: t.tenant, name: t.user})
FOREACH (_ IN CASE WHEN t.last_used_at IS NULL OR t.last_used_at < datetime() - duration({minutes: 1})
                   THEN [1] ELSE [] END |
  SET t.last_used_at = datetime(), u.last_used_at = datetime())
RETURN u.name AS name, u.role AS role, u.tenant AS tenant
