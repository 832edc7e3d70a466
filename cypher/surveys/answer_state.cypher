// Take a survey round's write lock for the rest of the transaction, then read what storing one
// respondent's answers needs (see lock_round.cypher on the lock): its round and link, which of
// the ids it names are actors (with their names), its collaboration ties both ways with their
// properties, and which actors at their other ends (or named now) have answered the survey —
// through their link, or with answers of it imported from a spreadsheet.
// Parameters: $tenant, $round_id, $respondent, $link_id (null: the coordinator), $ids.
// Columns: round_name, closed_at, closes_at, link_revoked_at, now, found ([id, name] of the
// actors among $ids), outgoing ([target, props]), incoming ([source, props]), answered (ids).
// No row: the respondent is not one of the round's, or its actor is gone.
MATCH (round:SurveyRound {tenant: $tenant, id: $round_id})
SET round.lock = true
REMOVE round.lock
WITH round
MATCH (:SurveyRespondent {tenant: $tenant, round_id: round.id, actor_id: $respondent})
MATCH (r:Actor {tenant: $tenant, id: $respondent})
OPTIONAL MATCH (link:SurveyLink {tenant: $tenant, id: $link_id})
WITH round, link, r,
     [(r)-[t:COLLABORATES_WITH]->(b:Node) WHERE b.tenant = $tenant | [b.id, properties(t)]] AS outgoing,
     [(r)<-[t:COLLABORATES_WITH]-(b:Node) WHERE b.tenant = $tenant | [b.id, properties(t)]] AS incoming
CALL () {
  UNWIND $ids AS wanted
  MATCH (a:Actor {tenant: $tenant, id: wanted})
  RETURN collect([a.id, a.name]) AS found
}
CALL (round, outgoing, incoming) {
  UNWIND [x IN outgoing | x[0]] + [x IN incoming | x[0]] + $ids AS other
  WITH DISTINCT other
  MATCH (o:Actor {tenant: $tenant, id: other})
  WHERE EXISTS { (s:SurveyRespondent {tenant: $tenant, round_id: round.id, actor_id: o.id})
                 WHERE s.answered_at IS NOT NULL }
     OR EXISTS { (o)-[:COLLABORATES_WITH {survey: round.name}]->() }
  RETURN collect(o.id) AS answered
}
RETURN round.name AS round_name, round.closed_at AS closed_at, round.closes_at AS closes_at,
       link.revoked_at AS link_revoked_at, datetime() AS now, found, outgoing, incoming, answered
