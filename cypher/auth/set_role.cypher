// Change a user's role. Parameters: $tenant, $user, $role. Columns: name (none: no such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
SET u.role = $role
RETURN u.name AS name
