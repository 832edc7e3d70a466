// Create the relationships of a backup between nodes created in the same transaction, found by
// element id. Types are data, checked as plain names by the reader; a dynamic type is fine in
// CREATE (only MATCH and MERGE plan it as a scan). Zoned datetimes as in create_nodes.
// Parameters: $rows: [{source, type, target, props, zoned: [[key, [texts], is list]]}].
// Columns: created
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
FOREACH (z IN row.zoned |
  SET r[z[0]] = CASE WHEN z[2] THEN [t IN z[1] | datetime(t)] ELSE datetime(z[1][0]) END)
RETURN count(r) AS created
