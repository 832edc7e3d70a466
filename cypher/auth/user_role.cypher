// A user's role. Parameters: $tenant, $user. Columns: role (no row: no such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
RETURN u.role AS role
