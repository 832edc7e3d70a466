// One suggestion by id, with its round. Parameters: $tenant, $id.
// Columns: id, round_id, round_name, name, name_key, status
MATCH (g:SurveySuggestion {tenant: $tenant, id: $id})
MATCH (r:SurveyRound {tenant: $tenant, id: g.round_id})
RETURN g.id AS id, g.round_id AS round_id, r.name AS round_name, g.name AS name,
       g.name_key AS name_key, g.status AS status
