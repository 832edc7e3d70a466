// The survey link a token's hash belongs to, whatever its state, with its round and respondent
// (the caller tells a working link from a revoked or closed one). A token names no tenant:
// the hash is unique. Parameters: $hash.
// Columns: id, tenant, round_id, round_name, closes_on, closes_at, closed_at, actor_id,
// actor_name, revoked_at, now
MATCH (l:SurveyLink {hash: $hash})
OPTIONAL MATCH (r:SurveyRound {tenant: l.tenant, id: l.round_id})
OPTIONAL MATCH (a:Actor {tenant: l.tenant, id: l.actor_id})
RETURN l.id AS id, l.tenant AS tenant, l.round_id AS round_id, r.name AS round_name,
       r.closes_on AS closes_on, r.closes_at AS closes_at, r.closed_at AS closed_at,
       l.actor_id AS actor_id, a.name AS actor_name, l.revoked_at AS revoked_at, datetime() AS now
