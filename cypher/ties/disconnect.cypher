// Remove a tie. Parameters: $tenant, $source, $target, $type. Columns: removed
MATCH (:Node {tenant: $tenant, id: $source})-[r:$($type)]->(:Node {tenant: $tenant, id: $target})
DELETE r
RETURN count(*) AS removed
