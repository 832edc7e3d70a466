// Store a snapshot: a named, dated copy of a tenant's partnership with its measures. A
// Snapshot is not a Node: it never shows up in the network it records.
// Parameters: $tenant, $id, $snapshot_name, $name_key, $taken_on (ISO date), $measures (JSON text),
// $content (gzip-compressed JSON bytes), $actors, $ties, $format. Columns: created_at
CREATE (s:Snapshot {tenant: $tenant, id: $id, name: $snapshot_name, name_key: $name_key,
                    taken_on: date($taken_on), created_at: datetime(), measures: $measures,
                    content: $content, actors: $actors, ties: $ties, format: $format})
RETURN s.created_at AS created_at
