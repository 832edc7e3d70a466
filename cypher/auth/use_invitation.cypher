// Mark a sign-in link as used (it never works again). Parameters: $tenant, $id.
// Columns: used_at
MATCH (i:Invitation {tenant: $tenant, id: $id})
SET i.used_at = datetime()
RETURN i.used_at AS used_at
