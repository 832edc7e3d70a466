// The users of a tenant with their live tokens, their last use and their latest sign-in link.
// Parameters: $tenant. Columns: name, role, created_at, last_used_at, tokens (token_id, label,
// created_at, expires_at, last_used_at), invitation (created_at, expires_at, used_at,
// revoked_at; null: none was ever made)
MATCH (u:ApiUser {tenant: $tenant})
OPTIONAL MATCH (t:ApiToken {tenant: $tenant, user: u.name})
WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > datetime())
WITH u, t ORDER BY t.created_at
WITH u, collect(CASE WHEN t IS NULL THEN NULL ELSE
                {token_id: t.token_id, label: t.label, created_at: t.created_at,
                 expires_at: t.expires_at, last_used_at: t.last_used_at} END) AS tokens
OPTIONAL MATCH (i:Invitation {tenant: $tenant, user: u.name})
WITH u, tokens, i ORDER BY i.created_at DESC
WITH u, tokens, head(collect(CASE WHEN i IS NULL THEN NULL ELSE
                {created_at: i.created_at, expires_at: i.expires_at, used_at: i.used_at,
                 revoked_at: i.revoked_at} END)) AS invitation
RETURN u.name AS name, u.role AS role, u.created_at AS created_at, u.last_used_at AS last_used_at,
       tokens, invitation
ORDER BY name
