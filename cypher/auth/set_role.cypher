// Change a user's role. Parameters: $tenant, $user, $role. Columns: name, before (the role it
// had; none: no such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
WITH u, u.role AS before
SET u.role = $role
RETURN u.name AS name, before
