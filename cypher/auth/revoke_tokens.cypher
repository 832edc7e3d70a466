// Revoke tokens of a tenant: all of one user's, one by id, or a user's tokens with a label.
// Parameters: $tenant, $user (or null), $token_id (or null), $label (or null). Columns: revoked
MATCH (t:ApiToken {tenant: $tenant})
WHERE t.revoked_at IS NULL
  AND ($user IS NULL OR t.user = $user)
  AND ($token_id IS NULL OR t.token_id = $token_id)
  AND ($label IS NULL OR t.label = $label)
SET t.revoked_at = datetime()
RETURN count(t) AS revoked
