"""Every read of the GraphQL API, over HTTP against the real Neo4j, on a small hand-made town."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Callable[[str], Network]) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


async def test_actor_with_its_relations(graphql: GraphQL, town: str) -> None:
    body = graphql(
        """
      query($id: ID!) { actor(id: $id) {
        id name kind actorKind sector arenas category
        area { id name partOf { name } }
        contactPersons { name role email }
        initiatives { role initiative { name } actor { id } }
        tieCount
        ties(direction: OUTGOING) { type direction strength other { id name } }
      } }""",
        town,
        id="club",
    )
    actor = data(body)["actor"]
    assert actor["kind"] == "ASSOCIATION" and actor["actorKind"] == "ASSOCIATION"
    assert actor["sector"] == "CIVIL_SOCIETY" and actor["arenas"] == ["LEISURE"]
    assert actor["area"] == {"id": "hvalsoe", "name": "Hvalsø", "partOf": {"name": "Lejre Kommune"}}
    assert actor["contactPersons"] == [
        {"name": "Mette Jensen", "role": "Formand", "email": "mette@example.dk"}
    ]
    assert actor["initiatives"] == [
        {"role": "PARTNER", "initiative": {"name": "+DIG"}, "actor": {"id": "club"}}
    ]
    assert actor["tieCount"] == 4  # two from the school, the volunteer, the initiative
    assert actor["ties"] == [
        {
            "type": "PARTICIPATES_IN",
            "direction": "OUTGOING",
            "strength": None,
            "other": {"id": "plusdig", "name": "+DIG"},
        }
    ]


async def test_actor_ties_filtered_by_type_and_direction(graphql: GraphQL, town: str) -> None:
    body = graphql(
        """{ actor(id: "club") {
        ties(types: [COLLABORATES_WITH], direction: INCOMING) {
          type direction strength since frequency sourceId targetId other { id } } } }""",
        town,
    )
    assert data(body)["actor"]["ties"] == [
        {
            "type": "COLLABORATES_WITH",
            "direction": "INCOMING",
            "strength": 3,
            "since": 2025,
            "frequency": "MONTHLY",
            "sourceId": "school",
            "targetId": "club",
            "other": {"id": "school"},
        }
    ]


async def test_lookups_return_null_for_other_kinds_and_tenants(graphql: GraphQL, town: str) -> None:
    assert data(graphql('{ actor(id: "hvalsoe") { id } }', town))["actor"] is None
    assert data(graphql('{ actor(id: "missing") { id } }', town))["actor"] is None
    assert data(graphql('{ actor(id: "club") { id } }', town + "-other"))["actor"] is None
    node = data(
        graphql(
            '{ node(id: "yp-1") { id kind ... on YoungPerson { ageBand challenges area { id } } } }', town
        )
    )["node"]
    assert node == {
        "id": "yp-1",
        "kind": "YOUNG_PERSON",
        "ageBand": "AGE_12_14",
        "challenges": ["LONELINESS"],
        "area": {"id": "hvalsoe"},
    }


async def test_lists_filter_and_paginate(graphql: GraphQL, town: str) -> None:
    query = """query($f: ActorFilter, $first: Int!, $after: String) {
        actors(filter: $f, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"""
    first = data(graphql(query, town, first=2))["actors"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"]
    assert [e["node"]["id"] for e in first["edges"]] == ["club", "fund"]
    rest = data(graphql(query, town, first=2, after=first["pageInfo"]["endCursor"]))["actors"]
    assert [e["node"]["id"] for e in rest["edges"]] == ["school"]
    assert not rest["pageInfo"]["hasNextPage"]

    def ids(filters: dict[str, Any]) -> list[str]:
        page = data(graphql(query, town, f=filters, first=50))["actors"]
        return [e["node"]["id"] for e in page["edges"]]

    assert ids({"kind": "MUNICIPAL_UNIT"}) == ["school"]
    assert ids({"sector": "PHILANTHROPY"}) == ["fund"]
    assert ids({"arena": "LEISURE"}) == ["club"]
    assert ids({"areaId": "hvalsoe"}) == ["club", "school"]
    assert ids({"search": "klatre"}) == ["club"]
    assert ids({"search": "hvalsø", "kind": "ASSOCIATION"}) == ["club"]


async def test_lists_of_every_kind(graphql: GraphQL, town: str) -> None:
    body = data(
        graphql(
            """{
        youngPeople(filter: {ageBand: AGE_12_14}) { totalCount edges { node { name } } }
        contactPersons { totalCount }
        areas { totalCount edges { node { id subAreas { id } actors { id } } } }
        targetGroups { totalCount }
        initiatives { edges { node { name participants { role actor { id } }
                                     targets { id } funders { id } } } } }""",
            town,
        )
    )
    assert body["youngPeople"] == {"totalCount": 1, "edges": [{"node": {"name": "Blå Ræv"}}]}
    assert body["contactPersons"]["totalCount"] == 1
    assert body["targetGroups"]["totalCount"] == 1
    areas = {e["node"]["id"]: e["node"] for e in body["areas"]["edges"]}
    assert areas["kommune"]["subAreas"] == [{"id": "hvalsoe"}]
    assert areas["hvalsoe"]["actors"] == [{"id": "club"}, {"id": "school"}]
    initiative = body["initiatives"]["edges"][0]["node"]
    assert initiative["participants"] == [{"role": "PARTNER", "actor": {"id": "club"}}]
    assert initiative["targets"] == [{"id": "tg"}]
    assert initiative["funders"] == [{"id": "fund"}]


async def test_target_group_criteria_and_members(graphql: GraphQL, town: str) -> None:
    group = data(
        graphql(
            """{ targetGroup(id: "tg") {
        criteria { ageBands areaIds challenges } memberCount
        members { totalCount edges { node { id } } } initiatives { id } } }""",
            town,
        )
    )["targetGroup"]
    assert group["criteria"] == {
        "ageBands": ["AGE_12_14", "AGE_15_17"],
        "areaIds": ["hvalsoe"],
        "challenges": ["LONELINESS"],
    }
    assert group["memberCount"] == 1
    assert group["members"]["edges"] == [{"node": {"id": "yp-1"}}]
    assert group["initiatives"] == [{"id": "plusdig"}]


async def test_neighbourhood_depth_filters_and_cap(graphql: GraphQL, town: str) -> None:
    query = """query($id: ID!, $depth: Int!, $kinds: [NodeKind!], $types: [TieType!], $max: Int!) {
        neighbourhood(id: $id, depth: $depth, kinds: $kinds, tieTypes: $types, maxNodes: $max) {
          centerId truncated nodes { depth node { id } } edges { type sourceId targetId } } }"""

    def walk(**args: Any) -> dict[str, Any]:
        values = {"depth": 1, "kinds": None, "types": None, "max": 500} | args
        result: dict[str, Any] = data(graphql(query, town, **values))["neighbourhood"]
        return result

    one = walk(id="school")
    assert {(n["node"]["id"], n["depth"]) for n in one["nodes"]} == {("school", 0), ("club", 1), ("yp-1", 1)}
    assert {(e["type"], e["sourceId"], e["targetId"]) for e in one["edges"]} == {
        ("ATTENDS", "yp-1", "school"),
        ("COLLABORATES_WITH", "school", "club"),
        ("REFERS_TO", "school", "club"),
    }
    two = walk(id="school", depth=2)
    assert {n["node"]["id"] for n in two["nodes"] if n["depth"] == 2} == {"p-1", "plusdig", "tg"}
    only_actors = walk(id="school", depth=3, kinds=["ASSOCIATION", "ORGANISATION"])
    assert {n["node"]["id"] for n in only_actors["nodes"]} == {"school", "club"}
    by_type = walk(id="school", depth=2, types=["ATTENDS", "INCLUDED_IN"])
    assert {n["node"]["id"] for n in by_type["nodes"]} == {"school", "yp-1", "tg"}
    capped = walk(id="school", depth=3, max=3)
    assert capped["truncated"] and len(capped["nodes"]) == 3
    assert not walk(id="school", depth=3)["truncated"]


async def test_neighbourhood_limits_are_named(graphql: GraphQL, town: str) -> None:
    too_deep = graphql('{ neighbourhood(id: "school", depth: 4) { centerId } }', town)
    assert "neighbourhood depth limit" in too_deep["errors"][0]["message"]
    too_big = graphql('{ neighbourhood(id: "school", maxNodes: 100000) { centerId } }', town)
    assert "node cap" in too_big["errors"][0]["message"]
    missing = graphql('{ neighbourhood(id: "nobody") { centerId } }', town)
    assert "no node with id 'nobody'" in missing["errors"][0]["message"]
