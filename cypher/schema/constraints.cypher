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
// Users and their tokens: bookkeeping of access, never part of the network (no Node label).
// A user's name is unique in its tenant; a token is found by its hash alone.
CREATE CONSTRAINT api_user_tenant_name IF NOT EXISTS FOR (u:ApiUser) REQUIRE (u.tenant, u.name) IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
CREATE INDEX api_token_tenant IF NOT EXISTS FOR (t:ApiToken) ON (t.tenant);
CREATE INDEX api_user_tenant IF NOT EXISTS FOR (u:ApiUser) ON (u.tenant);
// One-time sign-in links for users (invitations): found by the hash of their token alone.
CREATE CONSTRAINT invitation_hash IF NOT EXISTS FOR (i:Invitation) REQUIRE i.hash IS UNIQUE;
CREATE CONSTRAINT invitation_tenant_id IF NOT EXISTS FOR (i:Invitation) REQUIRE (i.tenant, i.id) IS UNIQUE;
CREATE INDEX invitation_tenant_user IF NOT EXISTS FOR (i:Invitation) ON (i.tenant, i.user);
// Snapshots of a tenant's partnership (not Nodes: never part of the network they record).
// A snapshot's id and its case-folded name are each unique in its tenant.
CREATE CONSTRAINT snapshot_tenant_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE (s.tenant, s.id) IS UNIQUE;
CREATE CONSTRAINT snapshot_tenant_name IF NOT EXISTS FOR (s:Snapshot) REQUIRE (s.tenant, s.name_key) IS UNIQUE;
CREATE INDEX snapshot_tenant IF NOT EXISTS FOR (s:Snapshot) ON (s.tenant);
// The audit log: one AuditEntry per change, tenant-scoped, newest first by time.
CREATE CONSTRAINT audit_entry_tenant_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE (e.tenant, e.id) IS UNIQUE;
CREATE INDEX audit_entry_tenant_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.tenant, e.at);
CREATE INDEX audit_entry_tenant IF NOT EXISTS FOR (e:AuditEntry) ON (e.tenant);
// Saved map views and their share links (not Nodes: never part of the network they show).
// A share link is found by the hash of its token alone.
CREATE CONSTRAINT map_view_tenant_id IF NOT EXISTS FOR (v:MapView) REQUIRE (v.tenant, v.id) IS UNIQUE;
CREATE INDEX map_view_tenant IF NOT EXISTS FOR (v:MapView) ON (v.tenant);
CREATE CONSTRAINT share_link_tenant_id IF NOT EXISTS FOR (l:ShareLink) REQUIRE (l.tenant, l.id) IS UNIQUE;
CREATE CONSTRAINT share_link_hash IF NOT EXISTS FOR (l:ShareLink) REQUIRE l.hash IS UNIQUE;
CREATE INDEX share_link_tenant IF NOT EXISTS FOR (l:ShareLink) ON (l.tenant);
// Presentations (saved map views in order, each with a heading and a text) and their share links.
// A presentation's case-folded title is unique in its tenant; a link is found by its hash alone.
CREATE CONSTRAINT presentation_tenant_id IF NOT EXISTS FOR (p:Presentation) REQUIRE (p.tenant, p.id) IS UNIQUE;
CREATE CONSTRAINT presentation_tenant_name IF NOT EXISTS FOR (p:Presentation) REQUIRE (p.tenant, p.name_key) IS UNIQUE;
CREATE INDEX presentation_tenant IF NOT EXISTS FOR (p:Presentation) ON (p.tenant);
CREATE CONSTRAINT presentation_link_tenant_id IF NOT EXISTS FOR (l:PresentationLink) REQUIRE (l.tenant, l.id) IS UNIQUE;
CREATE CONSTRAINT presentation_link_hash IF NOT EXISTS FOR (l:PresentationLink) REQUIRE l.hash IS UNIQUE;
CREATE INDEX presentation_link_tenant IF NOT EXISTS FOR (l:PresentationLink) ON (l.tenant);
// Partner-survey rounds, their respondents, personal links and suggested new organisations
// (not Nodes: bookkeeping of a survey, never part of the network its answers become).
// A round's case-folded name is unique in its tenant (it names the survey on every answer);
// a survey link is found by the hash of its token alone.
CREATE CONSTRAINT survey_round_tenant_id IF NOT EXISTS FOR (r:SurveyRound) REQUIRE (r.tenant, r.id) IS UNIQUE;
CREATE CONSTRAINT survey_round_tenant_name IF NOT EXISTS FOR (r:SurveyRound) REQUIRE (r.tenant, r.name_key) IS UNIQUE;
CREATE INDEX survey_round_tenant IF NOT EXISTS FOR (r:SurveyRound) ON (r.tenant);
CREATE CONSTRAINT survey_respondent_key IF NOT EXISTS FOR (s:SurveyRespondent) REQUIRE (s.tenant, s.round_id, s.actor_id) IS UNIQUE;
CREATE INDEX survey_respondent_round IF NOT EXISTS FOR (s:SurveyRespondent) ON (s.tenant, s.round_id);
CREATE CONSTRAINT survey_link_hash IF NOT EXISTS FOR (l:SurveyLink) REQUIRE l.hash IS UNIQUE;
CREATE CONSTRAINT survey_link_tenant_id IF NOT EXISTS FOR (l:SurveyLink) REQUIRE (l.tenant, l.id) IS UNIQUE;
CREATE INDEX survey_link_respondent IF NOT EXISTS FOR (l:SurveyLink) ON (l.tenant, l.round_id, l.actor_id);
CREATE CONSTRAINT survey_suggestion_tenant_id IF NOT EXISTS FOR (g:SurveySuggestion) REQUIRE (g.tenant, g.id) IS UNIQUE;
CREATE INDEX survey_suggestion_round IF NOT EXISTS FOR (g:SurveySuggestion) ON (g.tenant, g.round_id);
// Follow-up tasks of network weaving (not Nodes: the coordinators' bookkeeping about the network).
CREATE CONSTRAINT weaving_task_tenant_id IF NOT EXISTS FOR (t:WeavingTask) REQUIRE (t.tenant, t.id) IS UNIQUE;
CREATE INDEX weaving_task_tenant IF NOT EXISTS FOR (t:WeavingTask) ON (t.tenant);
