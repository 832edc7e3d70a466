// Which of these map views the tenant does not have. Parameters: $tenant, $views (ids).
// Columns: id (one row per missing view, in the order given)
UNWIND range(0, size($views) - 1) AS i
WITH i, $views[i] AS id
OPTIONAL MATCH (v:MapView {tenant: $tenant, id: id})
WITH i, id, v
WHERE v IS NULL
RETURN id
ORDER BY i
