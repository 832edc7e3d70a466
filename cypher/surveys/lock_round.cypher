// Take a survey round's write lock for the rest of the transaction, then read the round and one
// respondent's link. Every change of a round passes through this lock — an answer, a settled
// suggestion, a new or revoked link, closing — so they are stored one after the other: each
// answer sees the answers before it when it settles reciprocity, and is either stored before
// the round closes (or its link is revoked) or sees that it has. One lock for the round rather
// than one per organisation: answers of a round touch the same organisations in every order,
// and a lock per organisation makes Neo4j find deadlocks and retry after a second's pause.
// Parameters: $tenant, $round_id, $actor_id, $link_id (null: no link, the coordinator).
// Columns: round_name, closed_at, closes_at, link_revoked_at, now (no row: no such respondent)
MATCH (r:SurveyRound {tenant: $tenant, id: $round_id})
SET r.lock = true
REMOVE r.lock
WITH r
MATCH (:SurveyRespondent {tenant: $tenant, round_id: r.id, actor_id: $actor_id})
OPTIONAL MATCH (l:SurveyLink {tenant: $tenant, id: $link_id})
RETURN r.name AS round_name, r.closed_at AS closed_at, r.closes_at AS closes_at,
       l.revoked_at AS link_revoked_at, datetime() AS now
