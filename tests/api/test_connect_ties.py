"""``connectTies``: several ties in one mutation, all stored or none, every problem listed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from tests.tenant_contents import read_contents

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]

CONNECT = """mutation($ties: [TieInput!]!) { connectTies(input: $ties) {
  __typename
  ... on TiesConnected { created updated }
  ... on InvalidInputError { message problems { record problem } } } }"""


async def test_a_batch_with_a_bad_tie_stores_none_and_a_good_one_stores_all(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Callable[[str], Network]
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql("{ actors { totalCount } }", tenant)  # signs the coordinator up before the snapshot
    before = await read_contents(store, tenant)
    ties = [
        {"type": "COLLABORATES_WITH", "sourceId": "club", "targetId": "school", "strength": 2},
        {"type": "MEMBER_OF", "sourceId": "school", "targetId": "club"},
        {"type": "FUNDS", "sourceId": "fund", "targetId": "club"},
    ]
    body = graphql(CONNECT, tenant, ties=ties)
    refused = body["data"]["connectTies"]
    assert refused["__typename"] == "InvalidInputError", body
    assert refused["message"].startswith("none of the 3 ties was saved")
    assert [p["record"] for p in refused["problems"]] == ["tie 2 (school -MEMBER_OF-> club)"]
    assert await read_contents(store, tenant) == before

    stored = graphql(CONNECT, tenant, ties=[ties[0], ties[2]])["data"]["connectTies"]
    assert stored == {"__typename": "TiesConnected", "created": 2, "updated": 0}
    walk = graphql('{ neighbourhood(id: "club", depth: 1) { edges { type sourceId targetId } } }', tenant)[
        "data"
    ]["neighbourhood"]["edges"]
    assert {"type": "FUNDS", "sourceId": "fund", "targetId": "club"} in walk


async def test_a_viewer_cannot_connect_ties(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Callable[[str], Network]
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql("{ actors { totalCount } }", tenant, as_role="viewer")
    before = await read_contents(store, tenant)
    body = graphql(
        CONNECT, tenant, as_role="viewer", ties=[{"type": "FUNDS", "sourceId": "fund", "targetId": "club"}]
    )
    assert body["errors"][0]["message"].startswith("this needs a coordinator or admin")
    assert await read_contents(store, tenant) == before
