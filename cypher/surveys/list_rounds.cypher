// A tenant's survey rounds (or one of them), newest first, with how many organisations were
// invited and how many have answered: through their link, or by answers of this survey
// imported from a spreadsheet. Parameters: $tenant, $id (null: every round).
// Columns: id, name, closes_on, closes_at, created_by, created_at, closed_at, closed_by,
// snapshot_id, snapshot_name, invited, answered, now
MATCH (r:SurveyRound {tenant: $tenant})
WHERE $id IS NULL OR r.id = $id
CALL (r) {
  MATCH (s:SurveyRespondent {tenant: $tenant, round_id: r.id})
  MATCH (a:Actor {tenant: $tenant, id: s.actor_id})
  RETURN count(a) AS invited,
         count(CASE WHEN s.answered_at IS NOT NULL
                         OR EXISTS { (a)-[:COLLABORATES_WITH {survey: r.name}]->() } THEN a END) AS answered
}
RETURN r.id AS id, r.name AS name, r.closes_on AS closes_on, r.closes_at AS closes_at,
       r.created_by AS created_by, r.created_at AS created_at, r.closed_at AS closed_at,
       r.closed_by AS closed_by, r.snapshot_id AS snapshot_id, r.snapshot_name AS snapshot_name,
       invited, answered, datetime() AS now
ORDER BY r.created_at DESC
