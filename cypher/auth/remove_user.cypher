// Remove a user and every token of theirs. Parameters: $tenant, $user. Columns: name (none: no
// such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
OPTIONAL MATCH (t:ApiToken {tenant: $tenant, user: $user})
WITH u, collect(t) AS tokens, u.name AS name
FOREACH (t IN tokens | DELETE t)
DELETE u
RETURN name
