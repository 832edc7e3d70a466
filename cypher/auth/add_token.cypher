// A token for an existing user, stored as its hash only. Parameters: $tenant, $user, $hash,
// $token_id, $label, $expires_at (or null). Columns: token_id (none: no such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
CREATE (t:ApiToken {hash: $hash, token_id: $token_id, tenant: $tenant, user: $user,
                    label: $label, created_at: datetime(), expires_at: $expires_at})
RETURN t.token_id AS token_id
