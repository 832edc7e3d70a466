"""Maps over HTTP against the real Neo4j: live maps for the signed-in caller, saved views,
downloads, and share links that can be revoked, expire and never reach another tenant."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from graphsvc.auth.tokens import hash_token, token_id
from graphsvc.auth.users import add_user
from graphsvc.db.driver import GraphStore
from graphsvc.db.map_views import MapViewRepository
from graphsvc.db.networks import NetworkRepository
from tests.maps.towns import IMG, SCRIPT, two_towns

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]
_DATA = re.compile(r'<script type="application/json" id="graphsvc-map-data">(.*?)</script>', re.S)

SAVE = """mutation($input: MapViewInput!) { saveMapView(input: $input) {
    __typename ... on MapView { id kind metric youngPeople title lang targetGroup hops url liveUrl
                                downloads { html png svg } createdBy }
    ... on Error { message } ... on InvalidInputError { problems { record problem } } } }"""
SHARE = """mutation($view: ID!, $days: Int) { createShareLink(viewId: $view, expiresInDays: $days) {
    __typename ... on NewShareLink { token url iframe expiresAt downloads { png }
                                     link { id viewId status createdBy } }
    ... on Error { message } } }"""
REVOKE = """mutation($id: ID!) { revokeShareLink(id: $id) {
    __typename ... on ShareLink { id status revokedAt } ... on Error { message } } }"""


def payload(page: str) -> dict[str, Any]:
    found = _DATA.search(page)
    assert found is not None, page[:300]
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def kinds(page: str) -> set[str]:
    return {k["code"] for k in payload(page)["kinds"]}


def ok(body: dict[str, Any], field: str) -> Any:
    assert "errors" not in body, body["errors"]
    return body["data"][field]


def save(graphql: GraphQL, tenant: str, **fields: Any) -> dict[str, Any]:
    view = ok(graphql(SAVE, tenant, input=fields), "saveMapView")
    assert view["__typename"] == "MapView", view
    return view  # type: ignore[no-any-return]


def share(graphql: GraphQL, tenant: str, view: str, days: int | None = 30) -> dict[str, Any]:
    link = ok(graphql(SHARE, tenant, view=view, days=days), "createShareLink")
    assert link["__typename"] == "NewShareLink", link
    return link  # type: ignore[no-any-return]


@pytest.fixture
async def towns(store: GraphStore, tenant: str) -> str:
    """A tenant holding the two towns, with hostile names."""
    await NetworkRepository(store).write(two_towns(tenant, hostile=True))
    return tenant


def test_a_live_map_is_a_complete_guarded_page(client: httpx.Client, auth: Headers, small_demo: str) -> None:
    answer = client.get(
        "/maps/network.html", params={"tenant": small_demo, "lang": "en"}, headers=auth(small_demo, "viewer")
    )
    assert answer.status_code == 200, answer.text[:500]
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    policy = answer.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert policy.endswith("frame-ancestors 'self'")
    assert answer.headers["cache-control"] == "no-store"
    assert "x-frame-options" not in answer.headers
    data = payload(answer.text)
    assert data["title"] == "Network map"
    assert "YoungPeopleGroup" in kinds(answer.text) and "YoungPerson" not in kinds(answer.text)
    assert not [i for i in data["nodes"]["id"] if i.startswith("yp-")]


def test_individual_young_people_only_for_coordinators(
    client: httpx.Client, auth: Headers, small_demo: str
) -> None:
    params = {"target_group": "tg-loneliness", "young": "individuals"}
    coordinator = client.get("/maps/target-group.html", params=params, headers=auth(small_demo))
    viewer = client.get("/maps/target-group.html", params=params, headers=auth(small_demo, "viewer"))
    assert "YoungPerson" in kinds(coordinator.text)
    assert "YoungPerson" not in kinds(viewer.text)
    assert "YoungPeopleGroup" in kinds(viewer.text)
    for page in (coordinator.text, viewer.text):
        assert "loneliness" not in page.replace("tg-loneliness", "")


@pytest.mark.parametrize(
    ("path", "params", "role", "status", "says"),
    [
        ("/maps/ego.html", {"depth": "5"}, "viewer", 400, "depth: 1 to 2, not &#x27;5&#x27;"),
        ("/maps/gaps.html", {"target_group": "tg-nobody"}, "viewer", 404, "there is no target group"),
        ("/maps/world.html", {}, "viewer", 400, "there is no map kind"),
        ("/maps/ego.html", {"actor": "yp-00001"}, "coordinator", 400, "an ego map is drawn around an actor"),
        # To a viewer a young person's id is as unknown as any other.
        (
            "/maps/ego.html",
            {"actor": "yp-00001"},
            "viewer",
            404,
            "there is no actor with id &#x27;yp-00001&#x27;",
        ),
    ],
)
def test_a_map_that_cannot_be_drawn_says_why(
    client: httpx.Client,
    auth: Headers,
    small_demo: str,
    path: str,
    params: dict[str, str],
    role: str,
    status: int,
    says: str,
) -> None:
    answer = client.get(path, params=params, headers=auth(small_demo, role))
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert says in answer.text


def test_maps_need_a_caller_of_the_tenant(
    client: httpx.Client, auth: Headers, small_demo: str, tenant: str
) -> None:
    assert client.get("/maps/network.html").status_code == 401
    other = client.get("/maps/network.html", params={"tenant": small_demo}, headers=auth(tenant))
    assert other.status_code == 403
    assert "cannot reach another tenant" in other.text


def test_save_a_view_open_it_and_download_it(
    graphql: GraphQL, client: httpx.Client, auth: Headers, small_demo: str
) -> None:
    view = save(
        graphql,
        small_demo,
        kind="GAPS",
        targetGroup="tg-loneliness",
        hops=3,
        title="Huller & <huller>",
        lang="EN",
    )
    assert view["url"] == f"/maps/views/{view['id']}.html"
    path, _, query = view["liveUrl"].partition("?")
    assert path == "/maps/gaps.html"
    assert dict(parse_qsl(query)) == {
        "target_group": "tg-loneliness",
        "hops": "3",
        "title": "Huller & <huller>",
        "lang": "en",
    }
    assert (view["metric"], view["youngPeople"], view["lang"]) == ("DEGREE", "GROUPS", "EN")
    listed = ok(graphql("{ mapViews { id title } }", small_demo, as_role="viewer"), "mapViews")
    assert {"id": view["id"], "title": "Huller & <huller>"} in listed
    headers = auth(small_demo, "viewer")
    live = client.get(view["url"], headers=headers)
    assert live.status_code == 200 and payload(live.text)["title"] == "Huller & <huller>"
    assert "<title>Huller &amp; &lt;huller&gt;</title>" in live.text
    page = client.get(view["downloads"]["html"], headers=headers)
    assert page.headers["content-disposition"] == (
        "attachment; filename=\"Huller-huller.html\"; filename*=UTF-8''Huller-huller.html"
    )
    assert payload(page.text)["nodes"]["id"] == payload(live.text)["nodes"]["id"]
    png = client.get(view["downloads"]["png"], headers=headers)
    assert png.headers["content-type"] == "image/png"
    assert struct.unpack(">II", png.content[16:24]) == (1920, 1080)
    svg = client.get(view["downloads"]["svg"], headers=headers)
    assert svg.headers["content-type"] == "image/svg+xml"
    assert b"Huller &amp; &lt;huller&gt;" in svg.content
    assert client.get(f"/maps/views/{view['id']}/download.pdf", headers=headers).status_code == 404


def test_saving_a_view_checks_it_and_needs_a_coordinator(graphql: GraphQL, towns: str) -> None:
    refused = ok(graphql(SAVE, towns, input={"kind": "EGO", "depth": 3}), "saveMapView")
    assert refused["__typename"] == "InvalidInputError"
    assert {p["record"] for p in refused["problems"]} == {"depth", "actor"}
    missing = ok(graphql(SAVE, towns, input={"kind": "GAPS", "targetGroup": "tg-x"}), "saveMapView")
    assert missing == {
        "__typename": "NotFoundError",
        "message": f"there is no target group with id 'tg-x' in tenant '{towns}'",
    }
    viewer = graphql(SAVE, towns, as_role="viewer", input={"kind": "NETWORK"})
    assert viewer["errors"][0]["message"].startswith("this needs a coordinator or admin")
    assert ok(graphql("{ mapViews { id } }", towns), "mapViews") == []  # nothing was saved
    view = save(graphql, towns, kind="NETWORK")
    for days in (0, 3651):
        bad = ok(graphql(SHARE, towns, view=view["id"], days=days), "createShareLink")
        assert bad["__typename"] == "InvalidInputError"
        assert bad["message"].startswith("expiresInDays: 1 to 3650")
    assert ok(graphql("{ shareLinks { id } }", towns), "shareLinks") == []


def test_a_share_link_shows_its_view_to_anyone_with_a_viewers_rights(
    graphql: GraphQL, client: httpx.Client, small_demo: str
) -> None:
    view = save(
        graphql, small_demo, kind="TARGET_GROUP", targetGroup="tg-loneliness", youngPeople="INDIVIDUALS"
    )
    link = share(graphql, small_demo, view["id"])
    assert link["url"] == f"{client.base_url}/share/{link['token']}"
    assert link["token"].startswith("gsv_")
    assert link["iframe"].startswith(f'<iframe src="{link["url"]}" title="Støttenetværket omkring ')
    assert link["link"]["status"] == "ACTIVE"
    answer = httpx.get(link["url"])  # no token, no cookie
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"].endswith("frame-ancestors *")
    assert "x-frame-options" not in answer.headers
    assert "YoungPerson" not in kinds(answer.text)  # asked for individuals; a link sees groups
    assert "YoungPeopleGroup" in kinds(answer.text)
    png = httpx.get(link["downloads"]["png"])
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG"
    listed = ok(
        graphql("query($v: ID) { shareLinks(viewId: $v) { id status } }", small_demo, v=view["id"]),
        "shareLinks",
    )
    assert listed == [{"id": link["link"]["id"], "status": "ACTIVE"}]


async def test_tokens_are_stored_as_hashes_only(graphql: GraphQL, store: GraphStore, small_demo: str) -> None:
    link = share(graphql, small_demo, save(graphql, small_demo, kind="NETWORK")["id"])
    records = await store.query("maps/find_link", hash=hash_token(link["token"]))
    assert records and records[0]["id"] == token_id(hash_token(link["token"]))
    async with store.driver.session(database=store.database) as session:
        result = await session.run("MATCH (l:ShareLink {tenant: $t}) RETURN properties(l) AS p", t=small_demo)
        stored = [r["p"] async for r in result]
    assert stored and not [p for p in stored if link["token"] in json.dumps(p, default=str)]


async def test_a_revoked_or_expired_link_stops_working(
    graphql: GraphQL, store: GraphStore, api_url: str, towns: str
) -> None:
    view = save(graphql, towns, kind="NETWORK")
    link = share(graphql, towns, view["id"], days=None)
    assert link["expiresAt"] is None
    assert httpx.get(link["url"]).status_code == 200
    revoked = ok(graphql(REVOKE, towns, id=link["link"]["id"]), "revokeShareLink")
    assert revoked["status"] == "REVOKED" and revoked["revokedAt"]
    english = {"Accept-Language": "en-GB,en;q=0.9,da;q=0.5"}
    for url in (link["url"], link["downloads"]["png"]):
        gone = httpx.get(url, headers=english)
        assert gone.status_code == 410
        assert "This share link has been revoked" in gone.text and 'lang="en"' in gone.text
        # In the visitor's language: Danish unless the browser prefers English.
        danish = httpx.get(url, headers={"Accept-Language": "da,en;q=0.8"})
        assert danish.status_code == 410 and "Delingslinket er trukket tilbage" in danish.text
    unknown = httpx.get(f"{api_url}/share/gsv_{'x' * 43}")
    assert unknown.status_code == 404 and "Der er ikke noget delingslink" in unknown.text
    # A link past its time, made directly in the store.
    expired = "gsv_expired-" + towns
    await MapViewRepository(store).create_link(
        towns, view["id"], "expired", hash_token(expired), "someone", datetime.now(UTC) - timedelta(days=1)
    )
    answer = httpx.get(f"{api_url}/share/{expired}", headers={"Accept-Language": "en"})
    assert answer.status_code == 410 and "This share link has expired" in answer.text


async def test_only_its_maker_or_an_admin_revokes_a_link(
    graphql: GraphQL, client: httpx.Client, store: GraphStore, towns: str
) -> None:
    link = share(graphql, towns, save(graphql, towns, kind="NETWORK")["id"])
    other = await add_user(store, towns, "another-coordinator", "coordinator")
    refused = client.post(
        "/graphql",
        json={"query": REVOKE, "variables": {"id": link["link"]["id"]}},
        headers={"Authorization": f"Bearer {other.secret}"},
    ).json()
    assert refused["errors"][0]["message"].startswith("only ")
    assert httpx.get(link["url"]).status_code == 200
    done = ok(graphql(REVOKE, towns, as_role="admin", id=link["link"]["id"]), "revokeShareLink")
    assert done["status"] == "REVOKED"


def test_views_and_links_stay_in_their_tenant(
    graphql: GraphQL, client: httpx.Client, auth: Headers, small_demo: str, towns: str
) -> None:
    view = save(graphql, towns, kind="NETWORK", title="Byerne")
    link = share(graphql, towns, view["id"])
    assert view["id"] not in {v["id"] for v in ok(graphql("{ mapViews { id } }", small_demo), "mapViews")}
    assert client.get(view["url"], headers=auth(small_demo)).status_code == 404
    foreign = ok(graphql(REVOKE, small_demo, id=link["link"]["id"]), "revokeShareLink")
    assert foreign["__typename"] == "NotFoundError"
    assert (
        ok(graphql(SHARE, small_demo, view=view["id"], days=5), "createShareLink")["__typename"]
        == "NotFoundError"
    )
    shared = httpx.get(link["url"])
    assert payload(shared.text)["title"] == "Byerne"
    assert not [i for i in payload(shared.text)["nodes"]["id"] if i.startswith(("yp-", "club-k"))]


def test_hostile_names_are_data_in_every_answer(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: str
) -> None:
    page = client.get(
        "/maps/gaps.html",
        params={"target_group": "tg-lonely", "young": "individuals", "title": IMG},
        headers=auth(towns),
    ).text
    assert "<img" not in page
    assert page.count("</script>") == 3
    assert {IMG, SCRIPT} <= set(payload(page)["nodes"]["label"])
    view = save(graphql, towns, kind="GAPS", targetGroup="tg-lonely")
    link = share(graphql, towns, view["id"])
    assert "Huller omkring &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in link["iframe"]
    assert "<script>" not in link["iframe"]
