// One change in the audit log, written inside the transaction that makes the change.
// Parameters: $tenant, $id, $actor, $action, $target, $subjects (ids of the nodes it is about),
// $before, $after (JSON text or null). Columns: id
CREATE (e:AuditEntry {tenant: $tenant, id: $id, at: datetime(), actor: $actor, action: $action,
                      target: $target, subjects: $subjects, before: $before, after: $after})
RETURN e.id AS id
