// The follow-up tasks that name a person: as their introducer, or in their note (any of the
// person's words: name, e-mail, phone, id), for an erasure. Parameters: $tenant, $id, $words
// (lower-case). Columns: id, introducer, note
MATCH (t:WeavingTask {tenant: $tenant})
WHERE t.introducer = $id OR any(w IN $words WHERE toLower(coalesce(t.note, '')) CONTAINS w)
RETURN t.id AS id, t.introducer AS introducer, t.note AS note
