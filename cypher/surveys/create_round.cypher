// A new survey round and its respondents (actors of the tenant, checked by the caller), each
// actor marked as not having answered the latest survey it was invited to.
// Parameters: $tenant, $id, $round_name, $name_key, $closes_on (ISO date), $closes_at
// (datetime: the links stop working then), $created_by, $respondents (actor ids).
// Columns: created_at, invited
CREATE (r:SurveyRound {tenant: $tenant, id: $id, name: $round_name, name_key: $name_key,
                       closes_on: date($closes_on), closes_at: $closes_at,
                       created_by: $created_by, created_at: datetime()})
WITH r
UNWIND $respondents AS actor_id
MATCH (a:Actor {tenant: $tenant, id: actor_id})
CREATE (:SurveyRespondent {tenant: $tenant, round_id: r.id, actor_id: a.id, invited_at: r.created_at})
SET a.survey_status = 'not_answered'
RETURN r.created_at AS created_at, count(a) AS invited
