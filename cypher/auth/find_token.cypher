// The user behind a token hash, if the token is live. Parameters: $hash. Columns: name, role,
// tenant
MATCH (t:ApiToken {hash: $hash})
WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > datetime())
MATCH (u:ApiUser {tenant: t.tenant, name: t.user})
RETURN u.name AS name, u.role AS role, u.tenant AS tenant
