// Delete a presentation and revoke its share links. Parameters: $tenant, $id.
// Columns: id, links (how many links were revoked; no row: no such presentation)
MATCH (p:Presentation {tenant: $tenant, id: $id})
OPTIONAL MATCH (l:PresentationLink {tenant: $tenant, presentation_id: $id})
WHERE l.revoked_at IS NULL
SET l.revoked_at = datetime()
WITH p, count(l) AS links
DELETE p
RETURN $id AS id, links
