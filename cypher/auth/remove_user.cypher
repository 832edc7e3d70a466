// Remove a user with every token and sign-in link of theirs. Parameters: $tenant, $user.
// Columns: name (none: no such user)
MATCH (u:ApiUser {tenant: $tenant, name: $user})
OPTIONAL MATCH (t:ApiToken {tenant: $tenant, user: $user})
WITH u, collect(t) AS tokens, u.name AS name
OPTIONAL MATCH (i:Invitation {tenant: $tenant, user: $user})
WITH u, tokens, collect(i) AS links, name
FOREACH (t IN tokens | DELETE t)
FOREACH (i IN links | DELETE i)
DELETE u
RETURN name
