// How many admins of a tenant can sign in (hold a live token). The tenant's admins are
// write-locked first, so that two changes at the same moment (two admins demoting each other)
// are counted one after the other and cannot both leave the tenant without an admin.
// Parameters: $tenant. Columns: admins
MATCH (u:ApiUser {tenant: $tenant})
WHERE u.role = 'admin'
SET u.guarded = true
REMOVE u.guarded
WITH u
WHERE u.role = 'admin'
  AND EXISTS {
    MATCH (t:ApiToken {tenant: $tenant, user: u.name})
    WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > datetime())
  }
RETURN count(u) AS admins
