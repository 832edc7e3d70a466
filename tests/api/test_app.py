"""Health endpoints and the first GraphQL fields, over HTTP against the real Neo4j."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.nodes import NodeRepository
from graphsvc.domain import Actor, Kind, Sector

GraphQL = Callable[..., dict[str, Any]]

pytestmark = pytest.mark.neo4j


def test_healthz_and_readyz(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


async def test_actor_counts_by_kind_for_the_tenant_only(
    graphql: GraphQL, store: GraphStore, tenant: str
) -> None:
    nodes = NodeRepository(store)
    for i, kind in enumerate([Kind.ASSOCIATION, Kind.ASSOCIATION, Kind.BUSINESS]):
        await nodes.create(
            Actor(kind=kind, id=f"a-{i}", tenant=tenant, name=f"Aktør {i}", sector=Sector.CIVIL_SOCIETY)
        )
    await nodes.create(
        Actor(
            kind=Kind.ASSOCIATION,
            id="elsewhere",
            tenant=tenant + "-x",
            name="Another tenant's club",
            sector=Sector.CIVIL_SOCIETY,
        )
    )
    query = "query($t: String) { actorCounts(tenant: $t) { kind count } }"
    by_argument = graphql(query, tenant=tenant, t=tenant)["data"]["actorCounts"]
    assert by_argument == [
        {"kind": "ASSOCIATION", "count": 2},
        {"kind": "BUSINESS", "count": 1},
        {"kind": "MUNICIPAL_UNIT", "count": 0},
        {"kind": "ORGANISATION", "count": 0},
    ]
    by_header = graphql("{ actorCounts { kind count } }", tenant=tenant)["data"]
    assert by_header["actorCounts"] == by_argument
    other = graphql(query, tenant=tenant, t=tenant + "-x")
    assert other["data"] is None
    assert other["errors"][0]["message"] == (
        f"this token is for tenant {tenant!r} and cannot reach another tenant"
    )


def test_bad_tenant_is_a_clear_error(graphql: GraphQL) -> None:
    body = graphql('{ actorCounts(tenant: "DROP ALL; --") { kind count } }')
    assert body["data"] is None
    assert "is not a tenant name" in body["errors"][0]["message"]


def test_graphiql_ide_is_served(client: httpx.Client) -> None:
    page = client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
