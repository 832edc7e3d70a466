// A respondent's answers in one survey, by partner name.
// Parameters: $tenant, $actor_id, $survey. Columns: partner, name, frequency, trust, value
MATCH (a:Actor {tenant: $tenant, id: $actor_id})-[t:COLLABORATES_WITH {survey: $survey}]->(b:Actor)
WHERE b.tenant = $tenant
RETURN b.id AS partner, b.name AS name, t.frequency AS frequency, t.trust AS trust, t.value AS value
ORDER BY toLower(b.name), b.id
