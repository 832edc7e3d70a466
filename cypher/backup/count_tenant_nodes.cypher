// How many nodes a tenant holds, whatever their labels (bookkeeping aside), before a restore
// into it. Parameters: $tenant. Columns: nodes
MATCH (n)
WHERE n.tenant = $tenant AND NOT n:TenantState
RETURN count(n) AS nodes
