// One respondent of a round: whether it has answered (through its link, or with answers of the
// survey imported from a spreadsheet), and its pending suggestions of new organisations.
// Parameters: $tenant, $round_id, $actor_id. Columns: answered, suggestions (maps of name,
// name_key, frequency, trust, value)
MATCH (s:SurveyRespondent {tenant: $tenant, round_id: $round_id, actor_id: $actor_id})
MATCH (a:Actor {tenant: $tenant, id: $actor_id})
MATCH (r:SurveyRound {tenant: $tenant, id: $round_id})
RETURN s.answered_at IS NOT NULL OR EXISTS { (a)-[:COLLABORATES_WITH {survey: r.name}]->() } AS answered,
       COLLECT { MATCH (g:SurveySuggestion {tenant: $tenant, round_id: $round_id, actor_id: $actor_id})
                 WHERE g.status = 'pending'
                 RETURN g {.name, .name_key, .frequency, .trust, .value} ORDER BY g.created_at } AS suggestions
