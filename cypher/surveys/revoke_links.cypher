// Revoke every link a respondent of a round has been given (a new one can be made later),
// under the round's lock (see lock_round.cypher).
// Parameters: $tenant, $round_id, $actor_id. Columns: revoked (no row: no such respondent)
MATCH (r:SurveyRound {tenant: $tenant, id: $round_id})
SET r.lock = true
REMOVE r.lock
WITH r
MATCH (s:SurveyRespondent {tenant: $tenant, round_id: r.id, actor_id: $actor_id})
SET s.revoked_at = datetime()
WITH s
CALL (s) {
  OPTIONAL MATCH (l:SurveyLink {tenant: $tenant, round_id: s.round_id, actor_id: s.actor_id})
  WHERE l.revoked_at IS NULL
  SET l.revoked_at = s.revoked_at
  RETURN count(l) AS revoked
}
RETURN revoked
