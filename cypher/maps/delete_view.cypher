// Delete a saved view and revoke its share links (they then say the map was deleted).
// Parameters: $tenant, $id. Columns: id, links (how many links were revoked; no row: no view)
MATCH (v:MapView {tenant: $tenant, id: $id})
OPTIONAL MATCH (l:ShareLink {tenant: $tenant, view_id: $id})
WHERE l.revoked_at IS NULL
SET l.revoked_at = datetime()
WITH v, count(l) AS links
DELETE v
RETURN $id AS id, links
