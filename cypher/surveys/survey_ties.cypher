// The answers of one survey: its collaboration ties between the tenant's actors, with the
// names at both ends. Parameters: $tenant, $survey.
// Columns: source, source_name, target, target_name, reciprocated
// Found from the tenant's index on :Node (a collaboration joins actors only).
MATCH (a:Node {tenant: $tenant})-[t:COLLABORATES_WITH {survey: $survey}]->(b:Node {tenant: $tenant})
WHERE a:Actor AND b:Actor
RETURN a.id AS source, a.name AS source_name, b.id AS target, b.name AS target_name,
       t.reciprocated AS reciprocated
ORDER BY toLower(a.name), toLower(b.name)
