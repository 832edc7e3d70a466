// Erasure: entries about a person keep who did what when, but lose the person's data.
// Parameters: $tenant, $subject. Columns: redacted
MATCH (e:AuditEntry)
WHERE e.tenant = $tenant AND $subject IN e.subjects
SET e.before = null, e.after = null, e.redacted = true,
    e.target = CASE WHEN e.target CONTAINS $subject THEN $subject ELSE e.target END
RETURN count(e) AS redacted
