// For each given node, its ties of the given types in one direction and the node at the other
// end. Parameters: $tenant, $ids, $types (tie types), $direction ('out', 'in' or 'both'),
// $other_kind (a label or null), $hidden (labels the caller may not see), $limit (per node).
// Columns: id, source, type, target, props, other (map of labels, props, area)
UNWIND $ids AS wanted
MATCH (n:Node {tenant: $tenant, id: wanted})
USING INDEX n:Node(tenant, id)
CALL (n) {
  MATCH (n)-[r]-(m:Node {tenant: $tenant})
  WHERE type(r) IN $types
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
    AND ($other_kind IS NULL OR $other_kind IN labels(m))
    AND none(label IN labels(m) WHERE label IN $hidden)
  RETURN r, m
  ORDER BY m.id, type(r)
  LIMIT $limit
}
RETURN wanted AS id, startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
       properties(r) AS props,
       {labels: labels(m), props: properties(m), area: head([(m)-[:LOCATED_IN]->(a:Area) | a.id])} AS other
