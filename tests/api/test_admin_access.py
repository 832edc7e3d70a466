"""Access and people, as admins manage them through GraphQL: one-time sign-in links, users'
roles and access, the last admin, share links across maps, the audit log's search, and the
erasure plan. Each operation is refused to viewers and coordinators, reaches only the admin's
own tenant, and writes nothing when it refuses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.services.audit_search import DANISH_TIME
from tests.api.conftest import Tokens
from tests.api.hostile import tenant_state
from tests.conftest import with_marked_names

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]

INVITE = """mutation($name: String!, $role: UserRole!, $days: Int! = 7) {
  inviteUser(name: $name, role: $role, expiresInDays: $days) {
    __typename ... on NewSignInLink { user role url expiresAt } ... on Error { message } } }"""
NEW_LINK = """mutation($name: String!) { newSignInLink(name: $name) {
  __typename ... on NewSignInLink { url } ... on Error { message } } }"""
REVOKE = """mutation($name: String!) { revokeAccess(name: $name) {
  __typename ... on AccessRevoked { tokensRevoked linksRevoked } ... on Error { message } } }"""
SET_ROLE = """mutation($name: String!, $role: UserRole!) { setUserRole(name: $name, role: $role) {
  __typename ... on Error { message } } }"""
USERS = "{ users { name role access lastUsedAt signInLink { status expiresAt usedAt } } }"
SEARCH = """query($f: AuditLogFilter, $first: Int! = 50, $after: String) {
  auditEntries(filter: $f, first: $first, after: $after) {
    hasNextPage endCursor matchedNodes { id name kind }
    entries { id at actor action target subjects { id name kind } } } }"""


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


def _token(url: str) -> str:
    found = re.search(r"/invitation#token=(gsi_[\w-]+)$", url)
    assert found, url
    return found.group(1)


def _invite(graphql: GraphQL, tenant: str, name: str, role: str = "VIEWER") -> str:
    made = graphql(INVITE, tenant, as_role="admin", name=name, role=role)["data"]["inviteUser"]
    assert made["__typename"] == "NewSignInLink", made
    return _token(made["url"])


def _user(graphql: GraphQL, tenant: str, name: str) -> dict[str, Any]:
    found = graphql(USERS, tenant, as_role="admin")["data"]["users"]
    return next(u for u in found if u["name"] == name)


def _admin_name(client: httpx.Client, auth: Callable[..., dict[str, str]], tenant: str) -> str:
    name: str = client.get("/auth/me", headers=auth(tenant, "admin")).json()["name"]
    return name


def test_a_sign_in_link_signs_its_person_in_once_and_never_again(
    graphql: GraphQL, api_url: str, db: Driver, tenant: str
) -> None:
    token = _invite(graphql, tenant, "Mette Jensen")
    waiting = _user(graphql, tenant, "Mette Jensen")
    assert waiting["role"] == "VIEWER" and waiting["access"] == "INVITED"
    assert waiting["signInLink"]["status"] == "WAITING" and waiting["lastUsedAt"] is None

    with httpx.Client(base_url=api_url) as browser:
        first = browser.post("/auth/invitation", json={"token": token})
        assert first.status_code == 200, first.text
        welcome = first.json()
        assert (welcome["name"], welcome["role"], welcome["tenant"]) == ("Mette Jensen", "viewer", tenant)
        assert welcome["key"].startswith("gs_")
        assert "graphsvc_session" in browser.cookies
        assert browser.get("/auth/me").json()["name"] == "Mette Jensen"

    before = tenant_state(db, tenant)
    with httpx.Client(base_url=api_url) as stranger:
        again = stranger.post("/auth/invitation", json={"token": token})
        assert again.status_code == 410 and again.json()["reason"] == "used"
        assert again.json()["used_at"]
        assert "graphsvc_session" not in stranger.cookies
    assert tenant_state(db, tenant) == before, "a second use wrote something"

    used = _user(graphql, tenant, "Mette Jensen")
    assert used["access"] == "ACTIVE" and used["signInLink"]["status"] == "USED"
    assert used["lastUsedAt"] is not None  # the personal key was used by /auth/me
    # The key works as a token; the link's token never does.
    bearer = httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {welcome['key']}"})
    assert bearer.json()["role"] == "viewer"
    assert httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_two_uses_at_the_same_moment_sign_in_only_one(graphql: GraphQL, api_url: str, tenant: str) -> None:
    token = _invite(graphql, tenant, "samtidig")

    def use(_: int) -> int:
        return httpx.post(f"{api_url}/auth/invitation", json={"token": token}, timeout=30).status_code

    with ThreadPoolExecutor(4) as pool:
        statuses = sorted(pool.map(use, range(4)))
    assert statuses == [200, 410, 410, 410]


def test_an_expired_replaced_or_revoked_link_is_refused_and_writes_nothing(
    graphql: GraphQL, api_url: str, db: Driver, tenant: str
) -> None:
    old = _invite(graphql, tenant, "ole")
    new = _token(graphql(NEW_LINK, tenant, as_role="admin", name="ole")["data"]["newSignInLink"]["url"])
    expiring = _invite(graphql, tenant, "eva")
    db.execute_query(
        "MATCH (i:Invitation {tenant: $tenant, user: 'eva'}) "
        "SET i.expires_at = datetime() - duration('PT1S')",
        tenant=tenant,
        database_="neo4j",
    )
    before = tenant_state(db, tenant)
    for token, reason, status in (
        (old, "revoked", 410),
        (expiring, "expired", 410),
        ("gsi_" + "A" * 43, "unknown", 404),
        ("gs_" + "A" * 43, "unknown", 404),
        ("<script>alert(1)</script>", "unknown", 404),
    ):
        answer = httpx.post(f"{api_url}/auth/invitation", json={"token": token})
        assert (answer.status_code, answer.json()["reason"]) == (status, reason), token
        assert "set-cookie" not in answer.headers
    assert tenant_state(db, tenant) == before
    assert httpx.post(f"{api_url}/auth/invitation", json={"token": ""}).status_code == 422
    assert httpx.post(f"{api_url}/auth/invitation", json=["x"]).status_code == 422

    revoked = graphql(REVOKE, tenant, as_role="admin", name="ole")["data"]["revokeAccess"]
    assert revoked == {"__typename": "AccessRevoked", "tokensRevoked": 0, "linksRevoked": 1}
    answer = httpx.post(f"{api_url}/auth/invitation", json={"token": new})
    assert (answer.status_code, answer.json()["reason"]) == (410, "revoked")
    assert _user(graphql, tenant, "ole")["access"] == "NONE"


def test_revoking_access_stops_every_token_at_once(
    graphql: GraphQL, api_url: str, tenant: str, token_for: Tokens
) -> None:
    token = _invite(graphql, tenant, "kim", "COORDINATOR")
    key = httpx.post(f"{api_url}/auth/invitation", json={"token": token}).json()["key"]
    me = httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["role"] == "coordinator"
    changed = graphql(SET_ROLE, tenant, as_role="admin", name="kim", role="VIEWER")["data"]["setUserRole"]
    assert changed["__typename"] == "UserChanged"
    me = httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["role"] == "viewer"
    revoked = graphql(REVOKE, tenant, as_role="admin", name="kim")["data"]["revokeAccess"]
    assert revoked["tokensRevoked"] == 1
    assert httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    log = graphql(SEARCH, tenant, as_role="admin", f={"about": "user:kim"})["data"]["auditEntries"]
    assert [e["action"] for e in log["entries"]] == [
        "revoke access",
        "set user role",
        "use sign-in link",
        "invite user",
    ]
    assert log["entries"][2]["actor"] == "kim (coordinator)"
    assert "gsi_" not in str(log) and "gs_" not in str(log)


def test_the_last_admin_cannot_demote_revoke_or_remove_themselves(
    graphql: GraphQL, client: httpx.Client, auth: Callable[..., dict[str, str]], db: Driver, tenant: str
) -> None:
    me = _admin_name(client, auth, tenant)
    before = tenant_state(db, tenant)
    for query, field, values in (
        (SET_ROLE, "setUserRole", {"name": me, "role": "COORDINATOR"}),
        (REVOKE, "revokeAccess", {"name": me}),
        (
            "mutation($name: String!) { r: removeUser(name: $name) { __typename ... on Error { message } } }",
            "r",
            {"name": me},
        ),
        (
            "mutation($name: String!) { r: revokeTokens(name: $name) { "
            "__typename ... on Error { message } } }",
            "r",
            {"name": me},
        ),
    ):
        answer = graphql(query, tenant, as_role="admin", **values)["data"][field]
        assert answer["__typename"] == "InvalidInputError", answer
        assert "without an admin who can sign in" in answer["message"]
    assert tenant_state(db, tenant) == before
    assert client.get("/auth/me", headers=auth(tenant, "admin")).json()["role"] == "admin"

    # With a second admin who can sign in, stepping down is fine.
    token = _invite(graphql, tenant, "anden-admin", "ADMIN")
    assert client.post("/auth/invitation", json={"token": token}).status_code == 200
    done = graphql(SET_ROLE, tenant, as_role="admin", name=me, role="COORDINATOR")["data"]["setUserRole"]
    assert done["__typename"] == "UserChanged"


def test_two_admins_demoting_each_other_at_once_leave_one(
    api_url: str, graphql: GraphQL, db: Driver, tenant: str, token_for: Tokens
) -> None:
    keys = {}
    for name in ("a1", "a2"):
        link = _invite(graphql, tenant, name, "ADMIN")
        keys[name] = httpx.post(f"{api_url}/auth/invitation", json={"token": link}).json()["key"]
    # The fixture's own admin steps down first, so that a1 and a2 are the only admins.
    me = httpx.get(f"{api_url}/auth/me", headers={"Authorization": f"Bearer {token_for(tenant, 'admin')}"})
    graphql(SET_ROLE, tenant, as_role="admin", name=me.json()["name"], role="VIEWER")

    def demote(pair: tuple[str, str]) -> str:
        actor, other = pair
        body = httpx.post(
            f"{api_url}/graphql",
            json={"query": SET_ROLE, "variables": {"name": other, "role": "VIEWER"}},
            headers={"Authorization": f"Bearer {keys[actor]}"},
            timeout=60,
        ).json()
        # The loser may be refused by the rule, or already be a viewer by the time it runs.
        if "errors" in body:
            return "Forbidden"
        return str(body["data"]["setUserRole"]["__typename"])

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(demote, [("a1", "a2"), ("a2", "a1")]))
    assert outcomes.count("UserChanged") == 1, outcomes
    records, _, _ = db.execute_query(
        "MATCH (u:ApiUser {tenant: $tenant}) WHERE u.name IN ['a1', 'a2'] RETURN u.role AS role",
        tenant=tenant,
    )
    assert sorted(r["role"] for r in records) == ["admin", "viewer"]


@pytest.mark.parametrize(
    "name",
    ["<script>alert(1)</script>", "<b>fed</b>", "x" * 81, "to  mellemrum", " foran", "linje\nskift", ""],
)
def test_a_name_with_markup_or_odd_spacing_is_refused_and_writes_nothing(
    graphql: GraphQL, db: Driver, tenant: str, name: str
) -> None:
    graphql(USERS, tenant, as_role="admin")  # the admin exists before the tenant is looked at
    before = tenant_state(db, tenant)
    made = graphql(INVITE, tenant, as_role="admin", name=name, role="VIEWER")["data"]["inviteUser"]
    assert made["__typename"] == "InvalidInputError", made
    assert tenant_state(db, tenant) == before


def test_out_of_range_days_and_unknown_users_are_refused(graphql: GraphQL, db: Driver, tenant: str) -> None:
    graphql(USERS, tenant, as_role="admin")
    before = tenant_state(db, tenant)
    for days in (0, 31, -1):
        made = graphql(INVITE, tenant, as_role="admin", name="dage", role="VIEWER", days=days)
        assert made["data"]["inviteUser"]["__typename"] == "InvalidInputError"
    for query, field in ((NEW_LINK, "newSignInLink"), (REVOKE, "revokeAccess")):
        answer = graphql(query, tenant, as_role="admin", name="findes-ikke")["data"][field]
        assert answer["__typename"] == "NotFoundError"
    assert tenant_state(db, tenant) == before
    _invite(graphql, tenant, "dobbelt")
    again = graphql(INVITE, tenant, as_role="admin", name="dobbelt", role="ADMIN")["data"]["inviteUser"]
    assert again["__typename"] == "DuplicateError"
    assert _user(graphql, tenant, "dobbelt")["role"] == "VIEWER"


ADMIN_OPERATIONS = [
    ("inviteUser", INVITE, {"name": "ny", "role": "ADMIN"}),
    ("newSignInLink", NEW_LINK, {"name": "ny"}),
    ("revokeAccess", REVOKE, {"name": "ny"}),
    ("users", USERS, {}),
    ("auditEntries", SEARCH, {}),
    ("erasurePlan", '{ erasurePlan(id: "yp-1") { tieCount } }', {}),
    ("erasePerson", 'mutation { erasePerson(id: "yp-1") { __typename } }', {}),
    ("personalData", '{ personalData(id: "yp-1") }', {}),
]


@pytest.mark.parametrize("role", ["viewer", "coordinator"])
async def test_viewers_and_coordinators_are_refused_every_admin_operation(
    graphql: GraphQL, db: Driver, store: GraphStore, tenant: str, small_town: Any, role: str
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    _invite(graphql, tenant, "ny")
    graphql(USERS, tenant, as_role=role)  # the caller exists before the tenant is looked at
    before = tenant_state(db, tenant)
    for name, query, values in ADMIN_OPERATIONS:
        body = graphql(query, tenant, as_role=role, **values)
        messages = [e["message"] for e in body.get("errors") or []]
        # A viewer's mutations are refused before they run, as every change needs a coordinator.
        needs = (
            ("needs an admin", "needs a coordinator or admin") if role == "viewer" else ("needs an admin",)
        )
        assert any(n in m for m in messages for n in needs), (name, role, body)
        assert "Blå Ræv" not in str(body)
    assert tenant_state(db, tenant) == before
    allowed = graphql('{ erasurePlan(id: "yp-1") { name tieCount } }', tenant, as_role="admin")
    assert allowed["data"]["erasurePlan"] == {"name": "Blå Ræv", "tieCount": 3}


async def test_an_admin_reaches_nothing_of_another_tenant(
    graphql: GraphQL, api_url: str, db: Driver, store: GraphStore, tenant: str, small_town: Any
) -> None:
    other = f"{tenant}-b"
    await NetworkRepository(store).write(small_town(tenant))
    await NetworkRepository(store).write(with_marked_names(small_town(other), "Hemmelig"))
    _invite(graphql, other, "hemmelig-bruger")
    view = graphql(
        'mutation { saveMapView(input: {kind: GAPS, targetGroup: "tg"}) { ... on MapView { id } } }', other
    )["data"]["saveMapView"]["id"]
    link = graphql(
        f'mutation {{ createShareLink(viewId: "{view}") {{ ... on NewShareLink {{ link {{ id }} }} }} }}',
        other,
    )["data"]["createShareLink"]["link"]["id"]
    theirs = tenant_state(db, other)

    answers = [
        graphql(USERS, tenant, as_role="admin"),
        graphql("{ shareLinks { id } mapViews { id } }", tenant, as_role="admin"),
        graphql(SEARCH, tenant, as_role="admin", f={"about": "Hemmelig"}),
        graphql(SEARCH, tenant, as_role="admin", f={"user": "hemmelig-bruger"}),
        graphql(NEW_LINK, tenant, as_role="admin", name="hemmelig-bruger"),
        graphql(REVOKE, tenant, as_role="admin", name="hemmelig-bruger"),
        graphql(SET_ROLE, tenant, as_role="admin", name="hemmelig-bruger", role="ADMIN"),
        graphql(f'mutation {{ revokeShareLink(id: "{link}") {{ __typename }} }}', tenant, as_role="admin"),
    ]
    text = str(answers)
    assert "Hemmelig" not in text and "hemmelig-bruger" not in str(answers[:4])
    assert link not in str(answers[1]) and view not in str(answers[1])
    assert [a["data"] and next(iter(a["data"].values())).get("__typename") for a in answers[4:]] == [
        "NotFoundError",
        "NotFoundError",
        "NotFoundError",
        "NotFoundError",
    ]
    assert (
        graphql(SEARCH, tenant, as_role="admin", f={"about": "Hemmelig"})["data"]["auditEntries"]["entries"]
        == []
    )
    # Naming the other tenant is refused outright.
    refused = graphql(USERS.replace("users", f'users(tenant: "{other}")', 1), tenant, as_role="admin")
    assert "cannot reach another tenant" in refused["errors"][0]["message"]
    # The other tenant's person, by the same id: only this tenant's is planned for.
    plan = graphql('{ erasurePlan(id: "yp-1") { name } }', tenant, as_role="admin")["data"]["erasurePlan"]
    assert plan == {"name": "Blå Ræv"}
    assert tenant_state(db, other) == theirs


async def test_share_links_of_every_map_show_their_last_use(
    graphql: GraphQL, api_url: str, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    links = []
    for options in ('{kind: GAPS, targetGroup: "tg", title: "Huller"}', "{kind: NETWORK}"):
        view = graphql(f"mutation {{ saveMapView(input: {options}) {{ ... on MapView {{ id }} }} }}", tenant)
        made = graphql(
            f'mutation {{ createShareLink(viewId: "{view["data"]["saveMapView"]["id"]}") {{ '
            "... on NewShareLink { token link { id } } } }",
            tenant,
        )["data"]["createShareLink"]
        links.append(made)
    assert httpx.get(f"{api_url}/share/{links[0]['token']}").status_code == 200
    listed = graphql("{ shareLinks { id viewId lastUsedAt status } }", tenant, as_role="admin")["data"]
    used = {link["id"]: link["lastUsedAt"] for link in listed["shareLinks"]}
    assert used[links[0]["link"]["id"]] is not None and used[links[1]["link"]["id"]] is None


async def test_last_use_is_noted_at_most_once_a_minute(
    graphql: GraphQL, api_url: str, db: Driver, tenant: str
) -> None:
    key = httpx.post(f"{api_url}/auth/invitation", json={"token": _invite(graphql, tenant, "lis")}).json()[
        "key"
    ]

    def seen() -> Any:
        records, _, _ = db.execute_query(
            "MATCH (u:ApiUser {tenant: $tenant, name: 'lis'}) RETURN u.last_used_at AS at", tenant=tenant
        )
        return records[0]["at"]

    headers = {"Authorization": f"Bearer {key}"}
    httpx.get(f"{api_url}/auth/me", headers=headers)
    first = seen()
    httpx.get(f"{api_url}/auth/me", headers=headers)
    assert first is not None and seen() == first
    db.execute_query(
        "MATCH (t:ApiToken {tenant: $tenant, user: 'lis'}) "
        "SET t.last_used_at = datetime() - duration('PT2M')",
        tenant=tenant,
    )
    httpx.get(f"{api_url}/auth/me", headers=headers)
    assert seen() > first


async def test_the_audit_log_is_searched_by_node_user_and_days_a_page_at_a_time(
    graphql: GraphQL,
    db: Driver,
    client: httpx.Client,
    auth: Callable[..., dict[str, str]],
    store: GraphStore,
    tenant: str,
    small_town: Any,
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    batch = """mutation { connectTies(input: [
      {type: COLLABORATES_WITH, sourceId: "fund", targetId: "club"},
      {type: COLLABORATES_WITH, sourceId: "fund", targetId: "school"},
      {type: REFERS_TO, sourceId: "club", targetId: "school"}]) { __typename } }"""
    assert "errors" not in graphql(batch, tenant)
    # Entries may share a time to the microsecond (one transaction, a coarse clock): give the
    # three ties one, so that paging must tell them apart by more than their time.
    db.execute_query(
        "MATCH (e:AuditEntry {tenant: $tenant, action: 'connect'}) WITH collect(e) AS es, max(e.at) AS at "
        "FOREACH (e IN es | SET e.at = at)",
        tenant=tenant,
    )
    graphql('mutation { updateActor(id: "club", input: {description: "Klatring"}) { __typename } }', tenant)
    coordinator = client.get("/auth/me", headers=auth(tenant, "coordinator")).json()["name"]

    about_club = graphql(SEARCH, tenant, as_role="admin", f={"about": "Klatreklub"})["data"]["auditEntries"]
    assert [(m["id"], m["kind"]) for m in about_club["matchedNodes"]] == [("club", "ASSOCIATION")]
    assert [e["action"] for e in about_club["entries"]] == ["update association", "connect", "connect"]
    names = {s["id"]: s["name"] for e in about_club["entries"] for s in e["subjects"]}
    assert names["club"] == "Hvalsø Klatreklub" and names["fund"] == "Helsefonden"
    by_id = graphql(SEARCH, tenant, as_role="admin", f={"about": "club"})["data"]["auditEntries"]
    assert [e["id"] for e in by_id["entries"]] == [e["id"] for e in about_club["entries"]]

    mine = graphql(SEARCH, tenant, as_role="admin", f={"user": coordinator})["data"]["auditEntries"]
    assert len(mine["entries"]) == 4 and all(e["actor"].startswith(coordinator) for e in mine["entries"])
    today = datetime.fromisoformat(mine["entries"][0]["at"]).astimezone(DANISH_TIME).date().isoformat()
    assert (
        len(
            graphql(SEARCH, tenant, as_role="admin", f={"from": today, "to": today})["data"]["auditEntries"][
                "entries"
            ]
        )
        >= 4
    )
    past = graphql(SEARCH, tenant, as_role="admin", f={"to": "2020-01-01"})["data"]["auditEntries"]
    assert past["entries"] == [] and not past["hasNextPage"]

    # One entry a page: the three ties that share a time each still come exactly once.
    seen, after = [], None
    while True:
        page = graphql(SEARCH, tenant, as_role="admin", f={"user": coordinator}, first=1, after=after)
        page = page["data"]["auditEntries"]
        seen += [e["id"] for e in page["entries"]]
        if not page["hasNextPage"]:
            break
        after = page["endCursor"]
    assert sorted(seen) == sorted(e["id"] for e in mine["entries"])

    for bad in ({"f": {"from": "2026-02-01", "to": "2026-01-01"}}, {"first": 500}, {"after": "forged"}):
        body = graphql(SEARCH, tenant, as_role="admin", **bad)
        assert body["errors"] and "Something went wrong" not in body["errors"][0]["message"], bad


async def test_the_erasure_plan_says_what_the_erasure_then_removes(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql('mutation { updateYoungPerson(id: "yp-1", input: {birthYear: 2012}) { __typename } }', tenant)
    plan = graphql(
        '{ erasurePlan(id: "yp-1") { name kind tieCount ties { type count } auditEntries } }',
        tenant,
        as_role="admin",
    )["data"]["erasurePlan"]
    assert plan["kind"] == "YOUNG_PERSON" and plan["auditEntries"] == 1
    assert {t["type"]: t["count"] for t in plan["ties"]} == {"ATTENDS": 1, "INCLUDED_IN": 1, "LOCATED_IN": 1}
    done = graphql(
        'mutation { erasePerson(id: "yp-1") { ... on Erased { tiesRemoved auditEntriesRedacted } } }',
        tenant,
        as_role="admin",
    )["data"]["erasePerson"]
    assert done == {"tiesRemoved": plan["tieCount"], "auditEntriesRedacted": plan["auditEntries"]}
    for not_a_person in ("school", "yp-1", "<script>"):
        body = graphql(f'{{ erasurePlan(id: "{not_a_person}") {{ name }} }}', tenant, as_role="admin")
        assert body["errors"] and body["data"] is None, not_a_person
