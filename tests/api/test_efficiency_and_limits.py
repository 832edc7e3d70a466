"""No N+1 queries, limits that name themselves, unexpected errors masked and logged."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Actor, Area, Kind, Network, Person, Sector, Tie, TieType

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]


def many_actors(tenant: str, count: int) -> Network:
    nodes: list[Any] = [Area(id=f"area-{i}", tenant=tenant, name=f"Område {i}") for i in range(5)]
    ties = []
    for i in range(count):
        nodes.append(
            Actor(
                kind=Kind.ASSOCIATION,
                id=f"a-{i:03d}",
                tenant=tenant,
                name=f"Forening {i}",
                sector=Sector.CIVIL_SOCIETY,
                area=f"area-{i % 5}",
            )
        )
        nodes.append(Person(id=f"p-{i:03d}", tenant=tenant, name=f"Kontakt {i}"))
        ties.append(Tie(type=TieType.WORKS_FOR, source=f"p-{i:03d}", target=f"a-{i:03d}"))
        if i:
            ties.append(Tie(type=TieType.COLLABORATES_WITH, source=f"a-{i:03d}", target=f"a-{i - 1:03d}"))
    return Network(tenant=tenant, nodes=tuple(nodes), ties=tuple(ties))


LIST = """query($n: Int!) { actors(first: $n) { totalCount edges { node {
    name area { name } contactPersons { name } tieCount } } } }"""


async def test_listing_actors_costs_a_fixed_number_of_queries(
    graphql: GraphQL, api_app: FastAPI, store: GraphStore, tenant: str
) -> None:
    await NetworkRepository(store).write(many_actors(tenant, 100))
    api_store: GraphStore = api_app.state.store

    def cost(n: int) -> int:
        before = api_store.transactions
        body = graphql(LIST, tenant, n=n)
        assert "errors" not in body, body
        edges = body["data"]["actors"]["edges"]
        assert len(edges) == n
        assert all(e["node"]["area"] and e["node"]["contactPersons"] for e in edges)
        return api_store.transactions - before

    ten, hundred = cost(10), cost(100)
    assert hundred == ten
    # The sign-in, the tenant's data version, the page, the areas, the contact persons, the
    # tie counts.
    assert hundred == 6
    # Asked again with no change between: the sign-in and the data version, then the kept answer.
    assert cost(100) == 2


def test_page_size_limit_is_named(graphql: GraphQL) -> None:
    body = graphql("{ actors(first: 101) { totalCount } }")
    assert "page size limit" in body["errors"][0]["message"]
    bad_cursor = graphql('{ actors(after: "not-a-cursor") { totalCount } }')
    assert "not a cursor" in bad_cursor["errors"][0]["message"]


def test_depth_alias_and_token_limits_are_named(graphql: GraphQL) -> None:
    deep = "{ actors { edges { node { " + "area { partOf { " * 6 + "name" + " } }" * 6 + " } } } }"
    assert "exceeds maximum operation depth" in graphql(deep)["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: actorCounts {{ count }}" for i in range(25)) + " }"
    assert "aliases" in graphql(aliases)["errors"][0]["message"].lower()
    tokens = "{ actorCounts { " + "count " * 3100 + "} }"
    assert "token" in graphql(tokens)["errors"][0]["message"].lower()


def test_unexpected_errors_are_masked_and_logged(
    graphql: GraphQL,
    api_app: FastAPI,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from graphsvc.services import overview

    async def broken(*_: Any) -> Any:
        raise RuntimeError("secret internals: bolt://user:pw@host")

    monkeypatch.setattr(overview, "count_nodes_by_kind", broken)
    with caplog.at_level(logging.ERROR, logger="graphsvc.api"):
        body = graphql("{ actorCounts { count } }")
    message = body["errors"][0]["message"]
    assert message == "Something went wrong on the server; it has been logged."
    assert "secret internals" in caplog.text
