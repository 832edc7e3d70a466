// Create the relationships of a backup between nodes created in the same transaction, found by
// element id. Types are data, checked as plain names by the reader; a dynamic type is fine in
// CREATE (only MATCH and MERGE plan it as a scan).
// Parameters: $rows: [{source, type, target, props}]. Columns: created
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
