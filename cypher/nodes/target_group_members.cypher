// The members of a target group: young people matching every criterion that is set (each
// criterion matches any of its values; an area includes its sub-areas), plus explicit members
// (INCLUDED_IN). Parameters: $tenant, $id, $after, $limit. Columns: total, page (ids)
MATCH (tg:TargetGroup {tenant: $tenant, id: $id})
MATCH (y:YoungPerson {tenant: $tenant})
WHERE EXISTS { (y)-[:INCLUDED_IN]->(tg) }
   OR ((size(coalesce(tg.criteria_age_bands, [])) = 0 OR y.age_band IN tg.criteria_age_bands)
   AND (size(coalesce(tg.criteria_challenges, [])) = 0
        OR any(c IN coalesce(y.challenges, []) WHERE c IN tg.criteria_challenges))
   AND (size(coalesce(tg.criteria_areas, [])) = 0
        OR EXISTS { (y)-[:LOCATED_IN]->(:Area)-[:PART_OF*0..6]->(a:Area)
                    WHERE a.id IN tg.criteria_areas }))
WITH y.id AS member ORDER BY member
WITH collect(member) AS members
RETURN size(members) AS total, [m IN members WHERE $after IS NULL OR m > $after][..$limit] AS page
