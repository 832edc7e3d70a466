// Create the nodes of a backup. Labels are data, checked as plain names by the reader; a
// dynamic label is fine in CREATE. Zoned datetimes come as Neo4j's own text and are read back
// by datetime() (exact, and far cheaper to send than datetime values).
// Parameters: $rows: [{number, labels, props, zoned: [[key, [texts], is list]]}] (props carry
// the target tenant). Columns: number, element
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
FOREACH (z IN row.zoned |
  SET n[z[0]] = CASE WHEN z[2] THEN [t IN z[1] | datetime(t)] ELSE datetime(z[1][0]) END)
RETURN row.number AS number, elementId(n) AS element
