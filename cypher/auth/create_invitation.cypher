// A one-time sign-in link for an existing user, stored as the hash of its token only. The
// user's earlier links that were not used stop working: only the newest one counts.
// Parameters: $tenant, $user, $id, $hash, $created_by, $expires_at.
// Columns: id, expires_at, role, replaced (earlier links revoked) — no row: no such user
MATCH (u:ApiUser {tenant: $tenant, name: $user})
OPTIONAL MATCH (old:Invitation {tenant: $tenant, user: $user})
WHERE old.used_at IS NULL AND old.revoked_at IS NULL
SET old.revoked_at = datetime()
WITH u, count(old) AS replaced
CREATE (i:Invitation {tenant: $tenant, id: $id, hash: $hash, user: u.name,
                      created_by: $created_by, created_at: datetime(), expires_at: $expires_at})
RETURN i.id AS id, i.expires_at AS expires_at, u.role AS role, replaced
