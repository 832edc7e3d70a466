// The snapshot taken when a round closed. Parameters: $tenant, $id, $snapshot_id,
// $snapshot_name. Columns: id
MATCH (r:SurveyRound {tenant: $tenant, id: $id})
SET r.snapshot_id = $snapshot_id, r.snapshot_name = $snapshot_name
RETURN r.id AS id
