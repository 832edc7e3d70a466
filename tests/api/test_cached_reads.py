"""Repeated reads are answered from the worker's kept answers, and never one answer too many:
a change made anywhere (through the API, or straight into Neo4j by another process such as
the command line) is seen by the next read; one audience or tenant never gets another's."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.services.store import GraphStore
from tests.api.conftest import GraphQL

pytestmark = pytest.mark.neo4j

ACTOR = '{ actor(id: "club") { name tieCount } }'
YOUNG = "{ youngPeople(first: 10) { totalCount edges { node { name } } } }"


def _transactions(api_app: FastAPI) -> int:
    store: GraphStore = api_app.state.store
    return store.transactions


async def test_a_change_through_the_api_is_seen_by_the_next_read(
    graphql: GraphQL, api_app: FastAPI, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    assert graphql(ACTOR, tenant)["data"]["actor"]["name"] == "Hvalsø Klatreklub"
    before = _transactions(api_app)
    assert graphql(ACTOR, tenant)["data"]["actor"]["name"] == "Hvalsø Klatreklub"
    assert _transactions(api_app) - before == 2, "the sign-in and the data version only"
    renamed = graphql(
        'mutation { updateActor(id: "club", input: {name: "Klatreklubben"}) { __typename } }', tenant
    )
    assert renamed["data"]["updateActor"]["__typename"] == "Actor"
    assert graphql(ACTOR, tenant)["data"]["actor"]["name"] == "Klatreklubben"


async def test_a_change_made_by_another_process_is_seen_by_the_next_read(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    """The test's own store stands for the command line: its writes never pass the API."""
    await NetworkRepository(store).write(small_town(tenant))
    assert graphql(ACTOR, tenant)["data"]["actor"]["tieCount"] == 4
    await NodeRepository(store).delete(tenant, "fund")
    await NodeRepository(store).delete(tenant, "p-1")
    assert graphql(ACTOR, tenant)["data"]["actor"]["tieCount"] == 3


async def test_one_audience_never_gets_anothers_kept_answer(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    coordinator = graphql(YOUNG, tenant)
    assert coordinator["data"]["youngPeople"]["edges"][0]["node"]["name"] == "Blå Ræv"
    viewer = graphql(YOUNG, tenant, as_role="viewer")
    assert viewer.get("data") is None and "Blå Ræv" not in str(viewer)
    assert "errors" in viewer


async def test_one_tenant_never_gets_anothers_kept_answer(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    other = f"{tenant}-other"
    town = small_town(other)
    renamed = town.model_copy(
        update={
            "nodes": tuple(
                n.model_copy(update={"name": "Andet sted"}) if n.id == "club" else n for n in town.nodes
            )
        }
    )
    await NetworkRepository(store).write(small_town(tenant))
    await NetworkRepository(store).write(renamed)
    assert graphql(ACTOR, tenant)["data"]["actor"]["name"] == "Hvalsø Klatreklub"
    assert graphql(ACTOR, other)["data"]["actor"]["name"] == "Andet sted"
    assert graphql(ACTOR, tenant)["data"]["actor"]["name"] == "Hvalsø Klatreklub"


async def test_answers_with_errors_are_not_kept(
    graphql: GraphQL, api_app: FastAPI, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    missing = '{ neighbourhood(id: "nowhere") { truncated } }'
    assert "errors" in graphql(missing, tenant)
    before = _transactions(api_app)
    assert "errors" in graphql(missing, tenant)
    assert _transactions(api_app) - before > 2, "asked Neo4j again"
