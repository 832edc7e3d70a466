// A task without the person an erasure removes: no introducer, and the note as given (the
// person's words blanked). Parameters: $tenant, $id (the task), $clear_introducer, $note.
// Columns: id
MATCH (t:WeavingTask {tenant: $tenant, id: $id})
SET t.note = $note, t.introducer = CASE WHEN $clear_introducer THEN null ELSE t.introducer END,
    t.version = t.version + 1, t.updated_at = datetime()
RETURN t.id AS id
