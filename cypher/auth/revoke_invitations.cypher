// Revoke a user's sign-in links that were not used yet. Parameters: $tenant, $user.
// Columns: revoked
MATCH (i:Invitation {tenant: $tenant, user: $user})
WHERE i.used_at IS NULL AND i.revoked_at IS NULL
SET i.revoked_at = datetime()
RETURN count(i) AS revoked
