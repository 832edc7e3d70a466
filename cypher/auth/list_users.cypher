// The users of a tenant with their live tokens. Parameters: $tenant. Columns: name, role,
// created_at, tokens (token_id, label, created_at, expires_at)
MATCH (u:ApiUser {tenant: $tenant})
OPTIONAL MATCH (t:ApiToken {tenant: $tenant, user: u.name})
WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > datetime())
WITH u, t ORDER BY t.created_at
RETURN u.name AS name, u.role AS role, u.created_at AS created_at,
       collect(CASE WHEN t IS NULL THEN NULL ELSE
               {token_id: t.token_id, label: t.label, created_at: t.created_at,
                expires_at: t.expires_at} END) AS tokens
ORDER BY name
