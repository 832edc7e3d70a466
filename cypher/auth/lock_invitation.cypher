// The sign-in link a token's hash belongs to, write-locked first (Neo4j's lost-update pattern:
// set a property, then read), so that two uses at the same moment are taken one after the
// other and only the first finds it unused. Nothing is changed.
// Parameters: $hash. Columns: id, tenant, user, role (null: the user is gone), used_at,
// revoked_at, expires_at, now — no row: no such link
MATCH (i:Invitation {hash: $hash})
SET i.claiming = true
REMOVE i.claiming
WITH i
OPTIONAL MATCH (u:ApiUser {tenant: i.tenant, name: i.user})
RETURN i.id AS id, i.tenant AS tenant, i.user AS user, u.role AS role, i.used_at AS used_at,
       i.revoked_at AS revoked_at, i.expires_at AS expires_at, datetime() AS now
