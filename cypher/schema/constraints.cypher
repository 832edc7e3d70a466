// The schema graphsvc needs; every statement is idempotent and applied at start-up.
// Ids are unique within a tenant across all kinds (every node has the label Node), so a tie or a
// file can name a node by id alone. Tenants share one database: every query filters on tenant.
CREATE CONSTRAINT node_tenant_id IF NOT EXISTS FOR (n:Node) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT actor_tenant_id IF NOT EXISTS FOR (n:Actor) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT young_person_tenant_id IF NOT EXISTS FOR (n:YoungPerson) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT person_tenant_id IF NOT EXISTS FOR (n:Person) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT area_tenant_id IF NOT EXISTS FOR (n:Area) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT target_group_tenant_id IF NOT EXISTS FOR (n:TargetGroup) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE CONSTRAINT initiative_tenant_id IF NOT EXISTS FOR (n:Initiative) REQUIRE (n.tenant, n.id) IS UNIQUE;
CREATE INDEX node_tenant IF NOT EXISTS FOR (n:Node) ON (n.tenant);
CREATE INDEX actor_tenant_sector IF NOT EXISTS FOR (n:Actor) ON (n.tenant, n.sector);
CREATE INDEX young_person_tenant_age_band IF NOT EXISTS FOR (n:YoungPerson) ON (n.tenant, n.age_band);
CREATE FULLTEXT INDEX node_names IF NOT EXISTS FOR (n:Node) ON EACH [n.name];
// One TenantState per tenant (not a Node: it is bookkeeping, never part of the network); the
// constraint also makes the MERGE that bumps its version safe under concurrent writes.
CREATE CONSTRAINT tenant_state_tenant IF NOT EXISTS FOR (s:TenantState) REQUIRE s.tenant IS UNIQUE;
