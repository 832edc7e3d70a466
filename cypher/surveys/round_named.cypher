// The round of a tenant with this name (case and spacing ignored), if any.
// Parameters: $tenant, $name_key. Columns: id
MATCH (r:SurveyRound {tenant: $tenant, name_key: $name_key})
RETURN r.id AS id
