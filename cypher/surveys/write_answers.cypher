// Store what settling one respondent's answers decided, under the round's lock (taken by
// answer_state.cypher): collaboration ties written whole (as the spreadsheet import writes
// them: their properties replaced), the respondent's ties to $deleted removed, and — when the
// respondent itself sent the answers ($sent) — when it answered, its actor's survey_status and
// its pending suggestions of organisations not on the list (a name suggested before keeps its
// id; settled ones stay as they are).
// Parameters: $tenant, $round_id, $respondent, $upserts: [{source, target, props}],
// $deleted (target ids), $sent, $suggestions: [{id, name, name_key, frequency, trust, value}].
// Columns: written (ties written; fewer than $upserts: an actor was deleted meanwhile)
CALL () {
  UNWIND $upserts AS row
  MATCH (a:Actor {tenant: $tenant, id: row.source})
  MATCH (b:Actor {tenant: $tenant, id: row.target})
  MERGE (a)-[t:COLLABORATES_WITH]->(b)
  SET t = row.props
  RETURN count(t) AS written
}
CALL () {
  MATCH (:Actor {tenant: $tenant, id: $respondent})-[t:COLLABORATES_WITH]->(b:Node)
  WHERE b.tenant = $tenant AND b.id IN $deleted
  DELETE t
}
CALL () {
  MATCH (s:SurveyRespondent {tenant: $tenant, round_id: $round_id, actor_id: $respondent})
  MATCH (a:Actor {tenant: $tenant, id: $respondent})
  WHERE $sent
  SET s.answered_at = coalesce(s.answered_at, datetime()), s.changed_at = datetime(),
      a.survey_status = 'answered'
}
CALL () {
  MATCH (g:SurveySuggestion {tenant: $tenant, round_id: $round_id, actor_id: $respondent})
  WHERE $sent AND g.status = 'pending' AND NOT g.name_key IN [x IN $suggestions | x.name_key]
  DELETE g
}
CALL () {
  UNWIND $suggestions AS x
  MERGE (g:SurveySuggestion {tenant: $tenant, round_id: $round_id, actor_id: $respondent,
                             name_key: x.name_key, status: 'pending'})
  ON CREATE SET g.id = x.id, g.created_at = datetime()
  SET g.name = x.name, g.frequency = x.frequency, g.trust = x.trust, g.value = x.value,
      g.updated_at = datetime()
}
RETURN written
