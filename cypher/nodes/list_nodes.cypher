// A page of a tenant's nodes, by id, with filters that are ignored when null.
// Parameters: $tenant, $kinds (labels, any of them), $sector, $arena, $age_band, $area (an area id), $ids (a list, e.g.
// from a name search), $after (the last id of the previous page), $limit.
// Columns: total (matching nodes, all pages), page (list of {labels, props, area})
MATCH (n:Node {tenant: $tenant})
WHERE ($kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds))
  AND ($sector IS NULL OR n.sector = $sector)
  AND ($arena IS NULL OR $arena IN n.arenas)
  AND ($age_band IS NULL OR n.age_band = $age_band)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($area IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Area {tenant: $tenant, id: $area}) })
WITH n ORDER BY n.id
WITH collect(n) AS matching
WITH size(matching) AS total, [x IN matching WHERE $after IS NULL OR x.id > $after][..$limit] AS page
RETURN total, [x IN page | {
  labels: labels(x),
  props: properties(x),
  area: head([(x)-[:LOCATED_IN]->(a:Area) | a.id])
}] AS page
