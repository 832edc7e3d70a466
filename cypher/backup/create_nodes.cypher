// Create the nodes of a backup. Labels are data, checked as plain names by the reader; a
// dynamic label is fine in CREATE. Parameters: $rows: [{number, labels, props}] (props carry
// the target tenant). Columns: number, element
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.number AS number, elementId(n) AS element
