// The respondents of a round with their answer state: when they sent answers through a link,
// how many partners they named in this survey (from a link or a spreadsheet), and their links.
// Parameters: $tenant, $round_id, $survey (the round's name).
// Columns: actor_id, name, answered_at, partners, links, live_links, revoked_at
MATCH (s:SurveyRespondent {tenant: $tenant, round_id: $round_id})
MATCH (a:Actor {tenant: $tenant, id: s.actor_id})
CALL (s) {
  OPTIONAL MATCH (l:SurveyLink {tenant: $tenant, round_id: s.round_id, actor_id: s.actor_id})
  RETURN count(l) AS links, count(CASE WHEN l.revoked_at IS NULL THEN l END) AS live_links
}
RETURN a.id AS actor_id, a.name AS name, s.answered_at AS answered_at,
       COUNT { (a)-[:COLLABORATES_WITH {survey: $survey}]->(:Actor) } AS partners,
       links, live_links, s.revoked_at AS revoked_at
ORDER BY toLower(a.name), a.id
