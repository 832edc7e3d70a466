// Personal links of a round's respondents, stored as the hashes of their tokens only.
// Parameters: $tenant, $round_id, $created_by, $links: [{id, actor_id, hash}].
// Columns: created
UNWIND $links AS link
MATCH (s:SurveyRespondent {tenant: $tenant, round_id: $round_id, actor_id: link.actor_id})
CREATE (l:SurveyLink {tenant: $tenant, id: link.id, round_id: $round_id, actor_id: s.actor_id,
                      hash: link.hash, created_by: $created_by, created_at: datetime()})
RETURN count(l) AS created
