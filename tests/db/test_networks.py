"""Bulk writes of whole networks: checked first, all-or-nothing, idempotent, read back whole."""

from __future__ import annotations

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.domain import (
    Actor,
    Area,
    Arena,
    Initiative,
    Kind,
    Network,
    Person,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)
from graphsvc.errors import InvalidInput

pytestmark = pytest.mark.neo4j


def small_town(tenant: str) -> Network:
    nodes = (
        Area(id="kommune", tenant=tenant, name="Lejre Kommune", area_type="municipality"),
        Area(id="hvalsoe", tenant=tenant, name="Hvalsø", area_type="town"),
        Actor(kind=Kind.MUNICIPAL_UNIT, id="school", tenant=tenant, name="Hvalsø Skole",
              sector=Sector.PUBLIC, arenas={Arena.SCHOOL}, area="hvalsoe"),
        Actor(kind=Kind.ASSOCIATION, id="club", tenant=tenant, name="Hvalsø Klatreklub",
              sector=Sector.CIVIL_SOCIETY, arenas={Arena.LEISURE}, area="hvalsoe"),
        Actor(kind=Kind.ORGANISATION, id="fund", tenant=tenant, name="Helsefonden",
              sector=Sector.PHILANTHROPY),
        YoungPerson(id="yp-1", tenant=tenant, name="Blå Ræv", age_band="12-14",
                    challenges={"loneliness"}, area="hvalsoe"),
        Person(id="p-1", tenant=tenant, name="Mette Jensen", role="Formand",
               email="mette@example.dk"),
        TargetGroup(id="tg", tenant=tenant, name="Ensomme 12-17-årige i Hvalsø",
                    criteria_age_bands={"12-14", "15-17"}, criteria_areas={"hvalsoe"},
                    criteria_challenges={"loneliness"}),
        Initiative(id="plusdig", tenant=tenant, name="+DIG"),
    )
    ties = (
        Tie(type=TieType.PART_OF, source="hvalsoe", target="kommune"),
        Tie(type=TieType.ATTENDS, source="yp-1", target="school"),
        Tie(type=TieType.COLLABORATES_WITH, source="school", target="club", strength=3, since=2025,
            frequency="monthly"),
        Tie(type=TieType.REFERS_TO, source="school", target="club"),
        Tie(type=TieType.VOLUNTEERS_AT, source="p-1", target="club"),
        Tie(type=TieType.PARTICIPATES_IN, source="club", target="plusdig", role="partner"),
        Tie(type=TieType.FUNDS, source="fund", target="plusdig"),
        Tie(type=TieType.TARGETS, source="plusdig", target="tg"),
        Tie(type=TieType.INCLUDED_IN, source="yp-1", target="tg"),
    )
    return Network(tenant=tenant, nodes=nodes, ties=ties)


def _comparable(network: Network) -> tuple[list[dict], list[Tie]]:
    nodes = sorted((n.model_dump(exclude={"created_at", "updated_at"}) for n in network.nodes),
                   key=lambda n: n["id"])
    return nodes, sorted(network.ties, key=lambda t: (t.source, t.type, t.target))


async def test_write_then_read_gives_the_same_network(store: GraphStore, tenant: str) -> None:
    repo = NetworkRepository(store)
    network = small_town(tenant)
    summary = await repo.write(network)
    assert summary == {"nodes": 9, "located": 3, "ties": 9}
    assert _comparable(await repo.read(tenant)) == _comparable(network)


async def test_writing_twice_changes_nothing(store: GraphStore, tenant: str) -> None:
    repo = NetworkRepository(store)
    await repo.write(small_town(tenant))
    first = await repo.read(tenant)
    await repo.write(small_town(tenant))
    again = await repo.read(tenant)
    assert _comparable(again) == _comparable(first)
    assert [n.created_at for n in again.nodes] == [n.created_at for n in first.nodes]


async def test_one_bad_record_writes_nothing(store: GraphStore, tenant: str) -> None:
    good = small_town(tenant)
    bad_tie = Tie(type=TieType.ATTENDS, source="club", target="school")  # an association attends?
    dangling = Tie(type=TieType.MEMBER_OF, source="yp-1", target="nowhere")
    for ties in ((*good.ties, bad_tie), (*good.ties, dangling)):
        with pytest.raises(InvalidInput) as caught:
            await NetworkRepository(store).write(Network(tenant=tenant, nodes=good.nodes, ties=ties))
        assert caught.value.problems
    assert await NetworkRepository(store).count_by_kind(tenant) == {}


async def test_kind_clash_with_stored_node_is_reported(store: GraphStore, tenant: str) -> None:
    await NodeRepository(store).create(Area(id="club", tenant=tenant, name="Not a club"))
    with pytest.raises(InvalidInput, match="node club: the id is already used by an Area"):
        await NetworkRepository(store).write(small_town(tenant))
    assert await NetworkRepository(store).count_by_kind(tenant) == {Kind.AREA: 1}


async def test_non_atomic_write_and_delete_tenant(store: GraphStore, tenant: str) -> None:
    repo = NetworkRepository(store)
    seen: list[int] = []
    await repo.write(small_town(tenant), atomic=False, progress=seen.append)
    assert sum(seen) == 9 + 4 + 9  # nodes, location rows (nodes that can have an area), ties
    assert sum((await repo.count_by_kind(tenant)).values()) == 9
    await repo.delete_tenant(tenant)
    assert await repo.count_by_kind(tenant) == {}
