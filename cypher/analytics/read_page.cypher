// One page of a tenant's nodes, by id, with their outgoing ties, for the analytics projection.
// Plain lists in a single record: the driver decodes a few large values far faster than
// thousands of records. LOCATED_IN ties are included (they become the node's area).
// Parameters: $tenant, $after (the last id of the previous page; '' for the first), $limit.
// Columns: nodes: list of [id, kind, name, sector, arenas, category, age_band, birth_year,
//          challenges, role, email, phone, area_type, criteria_age_bands, criteria_areas,
//          criteria_challenges, ties], where ties is a list of
//          [type, target, strength, since, frequency, role]; last: the page's last id (null
//          when the page is empty)
// A seek of the (tenant, id) index in its own order: each page is a range read of it. Without
// the hint and the two sort keys, a database without statistics yet (just loaded) may scan the
// index of every tenant, or sort all the tenant's remaining nodes for every page.
MATCH (n:Node)
USING INDEX SEEK n:Node(tenant, id)
WHERE n.tenant = $tenant AND n.id > $after
WITH n ORDER BY n.tenant, n.id LIMIT $limit
// A pattern comprehension always expands from n; a MATCH on (m:Node {tenant: $tenant}) may be
// planned, before Neo4j has statistics, as a scan of the tenant's nodes for every n.
WITH n, [(n)-[r]->(m) WHERE m.tenant = $tenant
         | [type(r), m.id, r.strength, r.since, r.frequency, r.role]] AS ties
RETURN collect([n.id, [label IN labels(n) WHERE NOT label IN ['Node', 'Actor']][0], n.name,
                n.sector, n.arenas, n.category, n.age_band, n.birth_year, n.challenges, n.role,
                n.email, n.phone, n.area_type, n.criteria_age_bands, n.criteria_areas,
                n.criteria_challenges, ties]) AS nodes,
       max(n.id) AS last
