"""Two coordinators changing one actor at once lose nothing silently; every change is logged
with who, when, before and after; erasure and the access export of a person."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]

UPDATE = """mutation($v: Int, $name: String) {
  updateActor(id: "club", input: {name: $name, expectedVersion: $v}) {
    __typename ... on Actor { name version } ... on Error { message }
  }
}"""


async def test_concurrent_updates_of_one_version_let_exactly_one_through(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    version = graphql('{ actor(id: "club") { version } }', tenant)["data"]["actor"]["version"]
    names = [f"Klatreklub {i}" for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        results = list(
            pool.map(lambda n: graphql(UPDATE, tenant, v=version, name=n)["data"]["updateActor"], names)
        )
    won = [r for r in results if r["__typename"] == "Actor"]
    lost = [r for r in results if r["__typename"] == "ConflictError"]
    assert len(won) == 1 and len(lost) == 7, results
    assert won[0]["version"] == version + 1
    # Each refusal names who changed it first, when and what (from the audit log).
    assert all(" since you read it" in r["message"] and "(coordinator)" in r["message"] for r in lost)
    now = graphql('{ actor(id: "club") { name version } }', tenant)["data"]["actor"]
    assert now == {"name": won[0]["name"], "version": version + 1}

    # Without a version, updates of different fields both stay (each changes only its field).
    with ThreadPoolExecutor(2) as pool:
        list(
            pool.map(
                lambda q: graphql(q, tenant),
                [
                    'mutation { updateActor(id: "club", input: {category: "Klatring"}) { __typename } }',
                    'mutation { updateActor(id: "club", input: {description: "Bouldering"}) { __typename } }',
                ],
            )
        )
    both = graphql('{ actor(id: "club") { category description version } }', tenant)["data"]["actor"]
    assert both == {"category": "Klatring", "description": "Bouldering", "version": version + 3}


async def test_every_change_is_in_the_audit_log_for_admins_only(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql('mutation { updateActor(id: "club", input: {name: "Klatreklubben"}) { __typename } }', tenant)
    graphql(
        'mutation { connect(input: {type: COLLABORATES_WITH, sourceId: "club", targetId: '
        '"fund"}) { __typename } }',
        tenant,
    )
    log_query = '{ auditLog(nodeId: "club") { actor action target before after } }'
    assert graphql(log_query, tenant)["errors"][0]["message"].startswith("this needs an admin")
    entries = graphql(log_query, tenant, as_role="admin")["data"]["auditLog"]
    assert [e["action"] for e in entries] == ["connect", "update association"]
    update = entries[1]
    assert update["actor"].endswith("(coordinator)")
    assert update["before"]["name"] == "Hvalsø Klatreklub"
    assert update["after"]["name"] == "Klatreklubben"
    assert entries[0]["target"] == "club -COLLABORATES_WITH-> fund"
    everything = graphql("{ auditLog { action } }", tenant, as_role="admin")["data"]["auditLog"]
    assert everything[-1]["action"] == "import"


async def test_erasure_removes_a_young_person_everywhere_and_the_access_export_has_it_all(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Any
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql('mutation { updateYoungPerson(id: "yp-1", input: {birthYear: 2012}) { __typename } }', tenant)
    exported = graphql('{ personalData(id: "yp-1") }', tenant, as_role="admin")["data"]["personalData"]
    assert exported["person"]["name"] == "Blå Ræv"
    assert exported["person"]["challenges"] == ["loneliness"]
    assert {(t["type"], t["other"]["id"]) for t in exported["ties"]} == {
        ("ATTENDS", "school"),
        ("INCLUDED_IN", "tg"),
        ("LOCATED_IN", "hvalsoe"),
    }
    assert exported["changes"][0]["after"]["birth_year"] == 2012

    assert graphql('{ personalData(id: "club") }', tenant, as_role="admin")["errors"][0][
        "message"
    ].startswith("'club' is not a person")
    coordinator = graphql('mutation { erasePerson(id: "yp-1") { __typename } }', tenant)
    assert coordinator["errors"][0]["message"].startswith("this needs an admin")

    erased = graphql(
        'mutation { erasePerson(id: "yp-1") { ... on Erased { tiesRemoved auditEntriesRedacted } } }',
        tenant,
        as_role="admin",
    )["data"]["erasePerson"]
    assert erased == {"tiesRemoved": 3, "auditEntriesRedacted": 1}
    network = await NetworkRepository(store).read(tenant)
    assert "yp-1" not in {n.id for n in network.nodes}
    assert all("yp-1" not in (t.source, t.target) for t in network.ties)
    log = graphql('{ auditLog(nodeId: "yp-1") { action before after redacted } }', tenant, as_role="admin")[
        "data"
    ]["auditLog"]
    assert "Blå Ræv" not in str(log) and "loneliness" not in str(log)
    assert [e["action"] for e in log] == ["erase young person", "update young person"]
    assert log[1]["redacted"] is True
    again = graphql(
        'mutation { erasePerson(id: "yp-1") { __typename ... on Error { message } } }',
        tenant,
        as_role="admin",
    )["data"]["erasePerson"]
    assert again == {"__typename": "NotFoundError", "message": "there is no node with id 'yp-1'"}
