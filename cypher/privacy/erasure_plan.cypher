// What erasing one node would remove: its ties per type (counted as the deletion counts them)
// and the audit entries whose copies of its record would be blanked. Nothing is changed.
// Parameters: $tenant, $id. Columns: ties (list of [type, count]), audit_entries
MATCH (n:Node {tenant: $tenant, id: $id})
USING INDEX n:Node(tenant, id)
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WITH type(r) AS type, count(r) AS ties
  WHERE type IS NOT NULL
  RETURN collect([type, ties]) AS ties
}
CALL () {
  MATCH (e:AuditEntry)
  WHERE e.tenant = $tenant AND $id IN e.subjects
  RETURN count(e) AS audit_entries
}
RETURN ties, audit_entries
