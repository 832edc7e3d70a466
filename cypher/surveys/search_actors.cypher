// Actors of a tenant whose name matches a full-text query (Lucene syntax, escaped by the
// caller), for a survey respondent's name search: ids and names, nothing else.
// Parameters: $tenant, $query, $exclude (the respondent), $limit. Columns: id, name
CALL db.index.fulltext.queryNodes('node_names', $query) YIELD node, score
WHERE node.tenant = $tenant AND node:Actor AND node.id <> $exclude
RETURN node.id AS id, node.name AS name
ORDER BY score DESC, toLower(node.name)
LIMIT $limit
