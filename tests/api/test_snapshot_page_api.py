"""What the "Over tid" page asks of the API, over real HTTP: the difference map of two
snapshots by role and tenant, the growth chart named by tenant and days, snapshot names and
ids that must be refused with nothing written, and the audit log of taking and deleting."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.ties import TieRepository
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType
from tests.api.hostile import tenant_state

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]

CREATE = """mutation($name: String!, $day: Date) {
  createSnapshot(name: $name, takenOn: $day) {
    __typename ... on Snapshot { id name } ... on Error { message } } }"""
DELETE = """mutation($id: String!) {
  deleteSnapshot(id: $id) { __typename ... on DeletedSnapshot { id name } ... on Error { message } } }"""
PERSONAL = ["Blå Ræv", "yp-1", "Mette Jensen", "mette@example.dk", "p-1", "loneliness"]


def _map_data(page: str) -> dict[str, Any]:
    found = re.search(r'id="graphsvc-map-data">(.*?)</script>', page, re.S)
    assert found, page[:500]
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def _signed_in(client: httpx.Client, auth: Headers, *tenants: str) -> None:
    """Every role of ``tenants`` has used its token once: the moment of first use is noted in
    the tenant (at most once a minute), and must not count as a write of the test."""
    for tenant in tenants:
        for role in ("viewer", "coordinator", "admin"):
            assert client.get("/auth/me", headers=auth(tenant, role)).status_code == 200


@pytest.fixture
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


@pytest.fixture
async def town(
    store: GraphStore,
    tenant: str,
    small_town: Callable[[str], Network],
    graphql: GraphQL,
    client: httpx.Client,
    auth: Headers,
) -> str:
    """The small town at "Kick-off" (2026-01-15); then a supermarket joins and collaborates
    with the climbing club, and the school stops referring to it: "Efterår" (2026-10-01)."""
    await NetworkRepository(store).write(small_town(tenant))
    assert graphql(CREATE, tenant, name="Kick-off", day="2026-01-15")["data"]["createSnapshot"]["id"]
    await NodeRepository(store).create(
        Actor(
            kind=Kind.BUSINESS,
            id="brugsen",
            tenant=tenant,
            name="Brugsen",
            sector=Sector.BUSINESS,
            arenas={Arena.WORK},
            area="hvalsoe",
        )
    )
    ties = TieRepository(store)
    await ties.connect(tenant, Tie(type=TieType.COLLABORATES_WITH, source="brugsen", target="club"))
    await ties.disconnect(tenant, TieType.REFERS_TO, "school", "club")
    assert graphql(CREATE, tenant, name="Efterår", day="2026-10-01")["data"]["createSnapshot"]["id"]
    _signed_in(client, auth, tenant, tenant + "-b")
    return tenant


@pytest.mark.parametrize("role", ["viewer", "coordinator"])
async def test_the_difference_map_shows_every_role_the_changes_and_no_person(
    client: httpx.Client, auth: Headers, town: str, role: str
) -> None:
    page = client.get(
        "/snapshots/changes.html", params={"from": "kick-off", "to": "Efterår"}, headers=auth(town, role)
    )
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["cache-control"] == "no-store"
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    data = _map_data(page.text)
    assert data["title"] == "Ændringer fra Kick-off (15. januar 2026) til Efterår (1. oktober 2026)"
    ids, classes = data["nodes"]["id"], data["changes"]["classes"]
    changed = {(ids[i], ids[j], classes[c]["code"]) for i, j, c, _ in data["changes"]["edges"]}
    assert changed == {("brugsen", "club", "gained"), ("club", "school", "lost")}
    assert data["changes"]["counts"] == {"gained": 1, "lost": 1, "unchanged": 4}
    # Snapshots hold no people, whoever looks: not their names, nor their ids in the map's data.
    text = json.dumps(data, ensure_ascii=False)
    for word in PERSONAL:
        assert word not in text, word
    assert not {"yp-1", "p-1"} & set(ids)
    for word in ("Blå Ræv", "Mette Jensen", "mette@example.dk"):
        assert word not in page.text


async def test_a_snapshot_compared_with_now_in_english(
    client: httpx.Client, auth: Headers, town: str, store: GraphStore
) -> None:
    await TieRepository(store).connect(town, Tie(type=TieType.FUNDS, source="fund", target="club"))
    page = client.get(
        "/snapshots/changes.html", params={"from": "efterar", "lang": "en"}, headers=auth(town, "viewer")
    )
    assert page.status_code == 404  # ids are made from names: "Efterår" is efteraar
    page = client.get(
        "/snapshots/changes.html", params={"from": "efteraar", "lang": "en"}, headers=auth(town, "viewer")
    )
    data = _map_data(page.text)
    assert data["title"] == "Changes from Efterår (1 October 2026) to now"
    assert data["changes"]["counts"]["gained"] == 1
    # Now is the partnership too: the young person and the contact person are not on the map.
    assert not {"yp-1", "p-1"} & set(data["nodes"]["id"])
    assert "Blå Ræv" not in page.text and "Mette Jensen" not in page.text


async def test_another_tenant_s_snapshot_is_not_there(
    client: httpx.Client, auth: Headers, town: str, db: Driver
) -> None:
    other = town + "-b"
    before = tenant_state(db, town), tenant_state(db, other)
    # A user of the other tenant names the town's snapshot: not found, as any unknown id.
    mine = client.get(
        "/snapshots/changes.html", params={"from": "kick-off"}, headers=auth(other, "coordinator")
    )
    unknown = client.get(
        "/snapshots/changes.html", params={"from": "nope"}, headers=auth(other, "coordinator")
    )
    assert mine.status_code == unknown.status_code == 404
    assert mine.text.replace("kick-off", "?") == unknown.text.replace("nope", "?")
    assert "Kick-off" not in mine.text and "Brugsen" not in mine.text
    # Naming the town as the tenant is refused.
    crossing = client.get(
        "/snapshots/changes.html",
        params={"from": "kick-off", "tenant": town},
        headers=auth(other, "coordinator"),
    )
    assert crossing.status_code == 403
    assert (tenant_state(db, town), tenant_state(db, other)) == before


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({}, 400, "from: the snapshot to compare from"),
        ({"from": "kick-off", "lang": "de"}, 400, "lang: da or en"),
        ({"from": "kick-off", "to": "x" * 500}, 400, "at most 200 characters"),
        (
            {"from": "<script>alert(1)</script>"},
            404,
            "there is no snapshot &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;",
        ),
        ({"from": "' OR 1=1 //", "to": "now"}, 404, "there is no snapshot"),
        ({"from": "kick-off", "to": "../../etc/passwd"}, 404, "there is no snapshot"),
    ],
)
async def test_a_bad_request_for_the_difference_map_is_a_plain_page_and_writes_nothing(
    client: httpx.Client,
    auth: Headers,
    town: str,
    db: Driver,
    params: dict[str, str],
    status: int,
    words: str,
) -> None:
    before = tenant_state(db, town)
    page = client.get("/snapshots/changes.html", params=params, headers=auth(town, "viewer"))
    assert page.status_code == status, page.text[:300]
    assert words in page.text
    assert "<script>alert" not in page.text
    assert tenant_state(db, town) == before


def test_the_difference_map_needs_a_signed_in_user(client: httpx.Client) -> None:
    assert client.get("/snapshots/changes.html", params={"from": "kick-off"}).status_code == 401


async def test_the_growth_chart_is_named_by_tenant_and_days(
    client: httpx.Client, auth: Headers, town: str
) -> None:
    png = client.get("/exports/growth.png", headers=auth(town, "viewer"))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert png.headers["cache-control"] == "no-store"
    assert png.headers["content-disposition"] == (
        f'attachment; filename="vaekst-{town}-2026-01-15-til-2026-10-01.png"; '
        f"filename*=UTF-8''v%C3%A6kst-{town}-2026-01-15-til-2026-10-01.png"
    )
    svg = client.get("/exports/growth.svg", params={"lang": "en"}, headers=auth(town, "coordinator"))
    assert svg.headers["content-disposition"] == (
        f'attachment; filename="growth-{town}-2026-01-15-to-2026-10-01.svg"'
    )


def _post_raw(
    client: httpx.Client, auth: Headers, tenant: str, role: str, query: str, **variables: Any
) -> Any:
    """A GraphQL request written with every non-ASCII character escaped, so that a lone
    surrogate (which no UTF-8 encoder writes) reaches the server as JSON allows it."""
    body = json.dumps({"query": query, "variables": variables}, ensure_ascii=True)
    headers = auth(tenant, role) | {"Content-Type": "application/json", "X-Graphsvc-Tenant": tenant}
    answer = client.post("/graphql", content=body.encode("ascii"), headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("   ", "needs a name"),
        ("x" * 201, "at most 200 characters"),
        ("Kick\x00off", "control characters"),
        ("Kick\x1b[31moff", "control characters"),
        ("Kick\ud800off", "control characters"),
        ("Kick\uffffoff", "control characters"),
        ("NOW", "stands for the network as it is now"),
        ("kick-OFF", "already has a snapshot named"),
    ],
)
async def test_a_hostile_snapshot_name_is_refused_and_nothing_is_written(
    client: httpx.Client, auth: Headers, town: str, db: Driver, name: str, words: str
) -> None:
    before = tenant_state(db, town)
    body = _post_raw(client, auth, town, "coordinator", CREATE, name=name)
    result = body["data"]["createSnapshot"]
    assert result["__typename"] in ("InvalidInputError", "DuplicateError"), body
    assert words in result["message"]
    assert tenant_state(db, town) == before


async def test_a_name_with_markup_is_kept_as_text(graphql: GraphQL, town: str) -> None:
    name = '<img src=x onerror="alert(1)"> & Co'
    made = graphql(CREATE, town, name=name)["data"]["createSnapshot"]
    assert made["name"] == name and re.fullmatch(r"[a-z0-9-]+", made["id"])
    listed = graphql("{ snapshots { id name } }", town, as_role="viewer")["data"]["snapshots"]
    assert {"id": made["id"], "name": name} in listed


@pytest.mark.parametrize("ref", ["kick-off-2", "' OR 1=1 //", "MATCH (n) DETACH DELETE n", "x" * 300, ""])
async def test_a_forged_id_deletes_nothing(graphql: GraphQL, town: str, db: Driver, ref: str) -> None:
    before = tenant_state(db, town)
    result = graphql(DELETE, town, id=ref)["data"]["deleteSnapshot"]
    assert result["__typename"] == "NotFoundError" and result["message"]
    assert tenant_state(db, town) == before


async def test_one_tenant_cannot_delete_or_compare_another_s_snapshot(
    graphql: GraphQL, town: str, db: Driver, store: GraphStore, small_town: Any
) -> None:
    other = town + "-b"
    await NetworkRepository(store).write(small_town(other))
    before = tenant_state(db, town)
    assert graphql(DELETE, other, id="kick-off")["data"]["deleteSnapshot"]["__typename"] == "NotFoundError"
    crossing = graphql(
        'mutation($t: String) { deleteSnapshot(id: "kick-off", tenant: $t) { __typename } }', other, t=town
    )
    assert "cannot reach another tenant" in crossing["errors"][0]["message"]
    compared = graphql('{ snapshotComparison(from: "kick-off") { sentence } }', other)
    assert compared["errors"][0]["message"] == f"there is no snapshot 'kick-off' in tenant {other!r}"
    assert tenant_state(db, town) == before


async def test_a_viewer_can_neither_take_nor_delete_and_the_audit_log_names_who_did(
    graphql: GraphQL, town: str, db: Driver
) -> None:
    before = tenant_state(db, town)
    refused = graphql(CREATE, town, as_role="viewer", name="Forår")
    assert refused["errors"][0]["message"].startswith("this needs a coordinator or admin;")
    refused = graphql(DELETE, town, as_role="viewer", id="kick-off")
    assert refused["errors"][0]["message"].startswith("this needs a coordinator or admin;")
    assert tenant_state(db, town) == before

    gone = graphql(DELETE, town, id="kick-off")["data"]["deleteSnapshot"]
    assert gone == {"__typename": "DeletedSnapshot", "id": "kick-off", "name": "Kick-off"}
    log = graphql("{ auditLog { actor action target before after } }", town, as_role="admin")["data"][
        "auditLog"
    ]
    entries = {(e["action"], e["target"]): e for e in log}
    deleted = entries[("delete_snapshot", "kick-off")]
    assert deleted["actor"].endswith("(coordinator)")
    assert deleted["before"] == {"name": "Kick-off", "taken_on": "2026-01-15", "actors": 3, "ties": 6}
    taken = entries[("create_snapshot", "efteraar")]
    assert taken["after"]["name"] == "Efterår" and taken["actor"].endswith("(coordinator)")
