// Ids of a tenant's nodes whose name matches a full-text query (Lucene syntax, already
// escaped by the caller). Parameters: $tenant, $query, $limit. Columns: id
CALL db.index.fulltext.queryNodes('node_names', $query) YIELD node, score
WHERE node.tenant = $tenant
RETURN node.id AS id
ORDER BY score DESC
LIMIT $limit
