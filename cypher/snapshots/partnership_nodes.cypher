// The nodes a snapshot keeps: organisations and units, areas, target groups and initiatives,
// each with its area, in one record (no young person, no contact person).
// Parameters: $tenant. Columns: nodes (list of [labels, props, area])
MATCH (n:Node {tenant: $tenant})
WHERE n:Actor OR n:Area OR n:TargetGroup OR n:Initiative
OPTIONAL MATCH (n)-[:LOCATED_IN]->(a:Area)
RETURN collect([labels(n), properties(n), a.id]) AS nodes
