"""Sign-in and roles over HTTP: tokens, the session cookie, what each role may see and do."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]

ACTOR = 'query { actor(id: "school") { name ties { other { id kind } } } }'


async def test_no_token_or_a_bad_one_is_401(client: httpx.Client) -> None:
    bare = client.post("/graphql", json={"query": "{ actorCounts { kind count } }"})
    assert bare.status_code == 401
    assert bare.headers["www-authenticate"] == "Bearer"
    assert "sign in first" in bare.json()["detail"]
    for token in ("gs_made-up", "eyJhbGciOiJIUzI1NiJ9.e30.x", "x" * 5000):
        bad = client.post(
            "/graphql",
            json={"query": "{ actorCounts { kind count } }"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert bad.status_code == 401, token
        assert "not valid" in bad.json()["detail"]


async def test_viewer_sees_actors_but_never_a_young_person(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    as_viewer = graphql(ACTOR, tenant, as_role="viewer")
    as_coordinator = graphql(ACTOR, tenant)
    assert "errors" not in as_viewer and "errors" not in as_coordinator
    kinds = {t["other"]["kind"] for t in as_coordinator["data"]["actor"]["ties"]}
    assert "YOUNG_PERSON" in kinds
    assert {t["other"]["kind"] for t in as_viewer["data"]["actor"]["ties"]} == kinds - {"YOUNG_PERSON"}

    assert graphql('{ node(id: "yp-1") { id name } }', tenant, as_role="viewer")["data"] == {"node": None}
    for query in (
        '{ youngPerson(id: "yp-1") { name challenges } }',
        "{ youngPeople { edges { node { name } } } }",
        '{ targetGroup(id: "tg") { members { edges { node { name } } } } }',
        "{ nodeMetrics(kind: YOUNG_PERSON) { nodes { name } } }",
    ):
        body = graphql(query, tenant, as_role="viewer")
        assert body["errors"][0]["message"].startswith("this needs a coordinator or admin;")
        assert "Blå Ræv" not in str(body)
    walk = graphql(
        '{ neighbourhood(id: "school", depth: 2) { nodes { node { id kind } } } }', tenant, as_role="viewer"
    )
    assert {n["node"]["kind"] for n in walk["data"]["neighbourhood"]["nodes"]} >= {"MUNICIPAL_UNIT"}
    assert "YOUNG_PERSON" not in str(walk)
    hidden_centre = graphql(
        '{ neighbourhood(id: "yp-1") { nodes { node { id } } } }', tenant, as_role="viewer"
    )
    assert hidden_centre["errors"][0]["message"] == "there is no node with id 'yp-1'"
    count = graphql('{ targetGroup(id: "tg") { memberCount } }', tenant, as_role="viewer")
    assert count["data"]["targetGroup"]["memberCount"] == 1  # aggregates are fine


async def test_viewer_cannot_change_anything_and_only_admins_manage_users(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    before = await NetworkRepository(store).read(tenant)
    change = 'mutation { updateActor(id: "club", input: {name: "Ændret"}) { __typename } }'
    refused = graphql(change, tenant, as_role="viewer")
    assert refused["data"] is None
    assert refused["errors"][0]["message"].startswith("this needs a coordinator or admin")
    assert await NetworkRepository(store).read(tenant) == before

    add = 'mutation { addUser(name: "ny", role: VIEWER) { ... on IssuedToken { secret } } }'
    assert graphql(add, tenant)["errors"][0]["message"].startswith("this needs an admin")
    made = graphql(add, tenant, as_role="admin")["data"]["addUser"]["secret"]
    assert made.startswith("gs_")
    listed = graphql("{ users { name role tokens { tokenId } } }", tenant, as_role="admin")
    assert {"name": "ny", "role": "VIEWER"}.items() <= next(
        u for u in listed["data"]["users"] if u["name"] == "ny"
    ).items()


async def test_revoked_and_expired_tokens_stop_working(
    client: httpx.Client, graphql: GraphQL, tenant: str
) -> None:
    issued = graphql(
        'mutation { addUser(name: "kim", role: COORDINATOR) { ... on IssuedToken { secret tokenId } } }',
        tenant,
        as_role="admin",
    )
    secret = issued["data"]["addUser"]["secret"]
    headers = {"Authorization": f"Bearer {secret}"}
    query = {"query": "{ actorCounts { count } }"}
    assert client.post("/graphql", json=query, headers=headers).status_code == 200
    revoked = graphql(
        'mutation { revokeTokens(name: "kim") { ... on Revoked { count } } }', tenant, as_role="admin"
    )
    assert revoked["data"]["revokeTokens"] == {"count": 1}
    assert client.post("/graphql", json=query, headers=headers).status_code == 401


async def test_a_token_stops_working_when_it_expires_and_is_kept_only_as_a_hash(
    client: httpx.Client, graphql: GraphQL, store: GraphStore, tenant: str
) -> None:
    issued = graphql(
        'mutation { addUser(name: "lone", role: VIEWER, expiresInDays: 30) '
        "{ ... on IssuedToken { secret tokenId expiresAt } } }",
        tenant,
        as_role="admin",
    )["data"]["addUser"]
    secret = issued["secret"]
    assert issued["expiresAt"] is not None
    headers = {"Authorization": f"Bearer {secret}"}
    query = {"query": "{ actorCounts { count } }"}
    assert client.post("/graphql", json=query, headers=headers).status_code == 200
    async with store.driver.session(database=store.database) as session:
        stored = await (
            await session.run(
                "MATCH (t:ApiToken {tenant: $tenant, user: 'lone'}) RETURN properties(t) AS p", tenant=tenant
            )
        ).single()
        assert stored is not None
        # Neither the secret nor any part of its random body is stored.
        assert secret not in str(stored["p"]) and secret[3:20] not in str(stored["p"])
        # Thirty days later:
        await (
            await session.run(
                "MATCH (t:ApiToken {tenant: $tenant, user: 'lone'}) "
                "SET t.expires_at = datetime() - duration('PT1S')",
                tenant=tenant,
            )
        ).consume()
    answer = client.post("/graphql", json=query, headers=headers)
    assert answer.status_code == 401 and "expired" in answer.text


async def test_a_share_token_is_no_bearer_token(client: httpx.Client, graphql: GraphQL, tenant: str) -> None:
    view = graphql("mutation { saveMapView(input: {kind: NETWORK}) { ... on MapView { id } } }", tenant)[
        "data"
    ]["saveMapView"]["id"]
    share = graphql(
        "mutation($v: ID!) { createShareLink(viewId: $v) { ... on NewShareLink { token } } }", tenant, v=view
    )["data"]["createShareLink"]["token"]
    headers = {"Authorization": f"Bearer {share}"}
    for answer in (
        client.post("/graphql", json={"query": "{ actorCounts { count } }"}, headers=headers),
        client.get("/exports/network.json", headers=headers),
        client.get(f"/maps/views/{view}.html", headers=headers),
    ):
        assert answer.status_code == 401, (answer.request.url, answer.text)


async def test_session_cookie_signs_in_the_pages(
    api_url: str, token_for: Callable[..., str], tenant: str
) -> None:
    with httpx.Client(base_url=api_url) as browser:
        refused = browser.post("/auth/session", json={"token": "gs_nothing"})
        assert refused.status_code == 401
        signed_in = browser.post("/auth/session", json={"token": token_for(tenant, "viewer")})
        assert signed_in.status_code == 200
        assert signed_in.json() == {"name": signed_in.json()["name"], "role": "viewer", "tenant": tenant}
        cookie = signed_in.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert browser.get("/auth/me").json()["tenant"] == tenant
        # A browser names the page's origin on every POST (the cross-site guard checks it).
        page = {"Origin": api_url}
        assert (
            browser.post("/graphql", json={"query": "{ actorCounts { count } }"}, headers=page).status_code
            == 200
        )
        assert browser.delete("/auth/session").status_code == 204
        assert browser.get("/auth/me").status_code == 401


def test_oversized_requests_are_refused_before_they_are_read(
    client: httpx.Client, auth: Callable[..., dict[str, str]]
) -> None:
    padding = "#" + "x" * 300_000 + "\n"
    big = client.post(
        "/graphql",
        content=json.dumps({"query": padding + "{ actorCounts { count } }"}),
        headers={"Content-Type": "application/json"} | auth(),
    )
    assert big.status_code == 413
    assert big.json() == {"detail": "the request is larger than the limit of 262,144 bytes"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it arrives
        yield b'{"query": "'
        for _ in range(40):
            yield b"x" * 10_000

    streamed = client.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json"} | auth()
    )
    assert streamed.status_code == 413


def test_a_body_that_is_not_utf8_is_refused_in_words(client: httpx.Client) -> None:
    # FastAPI's own 422 answer echoes the body as text, which fails on such bytes.
    answer = client.post("/auth/session", files={"file": ("a", b"\x80\xff")})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"].startswith("Input should be")
    assert "\\x80" not in answer.text
