"""Every mutation and each of its typed errors, over HTTP against the real Neo4j."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
RESULT = "__typename ... on Error { message } ... on InvalidInputError { problems { record problem } }"
ERROR = "__typename ... on Error { message }"


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Callable[[str], Network]) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


async def snapshot(store: GraphStore, tenant: str) -> Network:
    return await NetworkRepository(store).read(tenant)


def result(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body["errors"]
    value: dict[str, Any] = body["data"][field]
    return value


async def test_create_update_delete_actor(graphql: GraphQL, town: str, store: GraphStore) -> None:
    created = result(
        graphql(
            """mutation { createActor(input: {
        kind: ASSOCIATION, name: "Hvalsø Spejderne", sector: CIVIL_SOCIETY,
        arenas: [LEISURE, COMMUNITY], areaId: "hvalsoe", category: "Spejdergruppe"}) {
        """
            + RESULT
            + """ ... on Actor { id name arenas area { id } } } }""",
            town,
        ),
        "createActor",
    )
    assert created["__typename"] == "Actor" and created["id"].startswith("assoc-")
    assert created["arenas"] == ["COMMUNITY", "LEISURE"] and created["area"] == {"id": "hvalsoe"}
    actor_id = created["id"]

    updated = result(
        graphql(
            """mutation($id: ID!) { updateActor(id: $id, input: {
        name: "Spejderne i Hvalsø", category: null}) {
        """
            + RESULT
            + """ ... on Actor { name category sector area { id } } } }""",
            town,
            id=actor_id,
        ),
        "updateActor",
    )
    assert updated == {
        "__typename": "Actor",
        "name": "Spejderne i Hvalsø",
        "category": None,
        "sector": "CIVIL_SOCIETY",
        "area": {"id": "hvalsoe"},
    }

    deleted = result(
        graphql(
            """mutation($id: ID!) { deleteNode(id: $id) {
        __typename ... on Deleted { id tiesRemoved } } }""",
            town,
            id=actor_id,
        ),
        "deleteNode",
    )
    assert deleted == {"__typename": "Deleted", "id": actor_id, "tiesRemoved": 1}
    again = result(
        graphql("""mutation($id: ID!) { deleteNode(id: $id) { """ + ERROR + " } }", town, id=actor_id),
        "deleteNode",
    )
    assert again["__typename"] == "NotFoundError"


async def test_create_every_other_kind(graphql: GraphQL, town: str) -> None:
    body = graphql(
        """mutation {
      yp: createYoungPerson(input: {pseudonym: "Grøn Ugle", ageBand: AGE_15_17,
                                    challenges: [LONELINESS], areaId: "hvalsoe", id: "yp-2"}) {
        __typename ... on YoungPerson { id ageBand } }
      person: createContactPerson(input: {name: "Jens Hansen", role: "Klubleder",
                                          email: "jens@example.dk"}) {
        __typename ... on ContactPerson { role } }
      area: createArea(input: {name: "Kirke Hyllinge", areaType: "town", id: "kh"}) {
        __typename ... on Area { id } }
      group: createTargetGroup(input: {name: "Unge 15-17", id: "tg-2",
                                       criteria: {ageBands: [AGE_15_17], areaIds: ["hvalsoe"]}}) {
        __typename ... on TargetGroup { memberCount criteria { ageBands } } }
      initiative: createInitiative(input: {name: "Gode Liv", id: "gode-liv"}) {
        __typename ... on Initiative { id } }
    }""",
        town,
    )
    assert "errors" not in body, body
    d = body["data"]
    assert d["yp"] == {"__typename": "YoungPerson", "id": "yp-2", "ageBand": "AGE_15_17"}
    assert d["person"] == {"__typename": "ContactPerson", "role": "Klubleder"}
    assert d["area"] == {"__typename": "Area", "id": "kh"}
    assert d["group"] == {
        "__typename": "TargetGroup",
        "memberCount": 1,
        "criteria": {"ageBands": ["AGE_15_17"]},
    }
    assert d["initiative"] == {"__typename": "Initiative", "id": "gode-liv"}

    updates = graphql(
        """mutation {
      updateYoungPerson(id: "yp-2", input: {ageBand: AGE_18_24}) {
        __typename ... on YoungPerson { ageBand } }
      updateContactPerson(id: "p-1", input: {phone: "+45 12 34 56 78"}) {
        __typename ... on ContactPerson { phone } }
      updateArea(id: "kh", input: {areaType: "parish"}) { __typename ... on Area { areaType } }
      updateTargetGroup(id: "tg-2", input: {criteria: {ageBands: [AGE_18_24]}}) {
        __typename ... on TargetGroup { memberCount } }
      updateInitiative(id: "gode-liv", input: {description: "Trivsel og vægt"}) {
        __typename ... on Initiative { description } }
    }""",
        town,
    )
    assert "errors" not in updates, updates
    assert updates["data"] == {
        "updateYoungPerson": {"__typename": "YoungPerson", "ageBand": "AGE_18_24"},
        "updateContactPerson": {"__typename": "ContactPerson", "phone": "+45 12 34 56 78"},
        "updateArea": {"__typename": "Area", "areaType": "parish"},
        "updateTargetGroup": {"__typename": "TargetGroup", "memberCount": 1},
        "updateInitiative": {"__typename": "Initiative", "description": "Trivsel og vægt"},
    }


async def test_typed_errors_change_nothing(graphql: GraphQL, town: str, store: GraphStore) -> None:
    before = await snapshot(store, town)
    cases = {
        "DuplicateError": 'createArea(input: {name: "Igen", id: "hvalsoe"})',
        "InvalidInputError": 'createArea(input: {name: "   "})',
        "NotFoundError": 'updateArea(id: "nowhere", input: {name: "X"})',
    }
    for typename, call in cases.items():
        body = result(graphql("mutation { r: " + call + " { " + RESULT + " } }", town), "r")
        assert body["__typename"] == typename, body
        assert body["message"]
    long_name = graphql(
        "mutation($n: String!) { r: createArea(input: {name: $n}) { " + RESULT + " } }", town, n="x" * 10_000
    )["data"]["r"]
    assert long_name["__typename"] == "InvalidInputError"
    assert "at most 200" in long_name["problems"][0]["problem"]
    unknown_area = result(
        graphql(
            'mutation { r: createActor(input: {kind: BUSINESS, name: "Netto", '
            'sector: BUSINESS, areaId: "atlantis"}) { ' + RESULT + " } }",
            town,
        ),
        "r",
    )
    assert unknown_area["__typename"] == "InvalidInputError"
    assert "'atlantis' is not an area" in unknown_area["message"]
    wrong_kind = result(
        graphql('mutation { r: updateActor(id: "hvalsoe", input: {name: "X"}) { ' + RESULT + " } }", town),
        "r",
    )
    assert wrong_kind["__typename"] == "InvalidInputError"
    bad_criteria = result(
        graphql(
            'mutation { r: updateTargetGroup(id: "tg", input: {criteria: '
            '{areaIds: ["club"]}}) { ' + RESULT + " } }",
            town,
        ),
        "r",
    )
    assert "criterion area 'club' is not an area" in bad_criteria["message"]
    assert await snapshot(store, town) == before


async def test_connect_and_disconnect(graphql: GraphQL, town: str, store: GraphStore) -> None:
    connect = (
        """mutation($t: TieInput!) { connect(input: $t) { """
        + RESULT
        + """
        ... on Connected { created tie { type sourceId targetId strength since frequency } } } }"""
    )
    tie = {
        "type": "COLLABORATES_WITH",
        "sourceId": "club",
        "targetId": "fund",
        "strength": 2,
        "since": 2026,
        "frequency": "YEARLY",
    }
    made = result(graphql(connect, town, t=tie), "connect")
    assert made == {
        "__typename": "Connected",
        "created": True,
        "tie": {
            "type": "COLLABORATES_WITH",
            "sourceId": "club",
            "targetId": "fund",
            "strength": 2,
            "since": 2026,
            "frequency": "YEARLY",
        },
    }
    assert result(graphql(connect, town, t=tie | {"strength": 5}), "connect")["created"] is False

    before = await snapshot(store, town)
    refusals = {
        "TieNotAllowedError": {"type": "ATTENDS", "sourceId": "fund", "targetId": "school"},
        "NotFoundError": {"type": "MEMBER_OF", "sourceId": "yp-1", "targetId": "ghost"},
        "InvalidInputError": tie | {"strength": 9},
    }
    for typename, bad in refusals.items():
        refused = result(graphql(connect, town, t=bad), "connect")
        assert refused["__typename"] == typename, refused
    not_allowed = result(graphql(connect, town, t=refusals["TieNotAllowedError"]), "connect")
    assert "an Organisation cannot be tied to a MunicipalUnit by ATTENDS" in not_allowed["message"]
    assert await snapshot(store, town) == before

    disconnect = (
        """mutation { disconnect(type: COLLABORATES_WITH, sourceId: "club",
        targetId: "fund") { """
        + ERROR
        + " ... on Disconnected { type } } }"
    )
    assert result(graphql(disconnect, town), "disconnect") == {
        "__typename": "Disconnected",
        "type": "COLLABORATES_WITH",
    }
    assert result(graphql(disconnect, town), "disconnect")["__typename"] == "NotFoundError"


async def test_initiative_and_target_group_shortcuts(graphql: GraphQL, town: str) -> None:
    body = graphql(
        """mutation {
      p: addParticipant(initiativeId: "plusdig", actorId: "school", role: LEAD) {
        __typename ... on Connected { tie { role } } }
      m: addMember(targetGroupId: "tg", youngPersonId: "yp-1") { __typename }
      t: removeTarget(initiativeId: "plusdig", targetGroupId: "tg") { __typename }
      t2: addTarget(initiativeId: "plusdig", targetGroupId: "tg") { __typename }
      r: removeParticipant(initiativeId: "plusdig", actorId: "club") { __typename }
      x: removeMember(targetGroupId: "tg", youngPersonId: "yp-1") { __typename }
    }""",
        town,
    )
    assert body["data"] == {
        "p": {"__typename": "Connected", "tie": {"role": "LEAD"}},
        "m": {"__typename": "Connected"},
        "t": {"__typename": "Disconnected"},
        "t2": {"__typename": "Connected"},
        "r": {"__typename": "Disconnected"},
        "x": {"__typename": "Disconnected"},
    }
    participants = graphql('{ initiative(id: "plusdig") { participants { role actor { id } } } }', town)[
        "data"
    ]["initiative"]["participants"]
    assert participants == [{"role": "LEAD", "actor": {"id": "school"}}]
