// A new user of a tenant. Parameters: $tenant, $user, $role. Columns: name. A taken name
// fails on the api_user_tenant_name constraint.
CREATE (u:ApiUser {tenant: $tenant, name: $user, role: $role, created_at: datetime()})
RETURN u.name AS name
