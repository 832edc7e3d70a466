"""Bulk writes of whole networks: checked first, all-or-nothing, idempotent, read back whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.domain import Area, Kind, Network, Tie, TieType
from graphsvc.errors import InvalidInput

pytestmark = pytest.mark.neo4j

Town = Callable[[str], Network]


def _comparable(network: Network) -> tuple[list[dict], list[Tie]]:
    nodes = sorted(
        (n.model_dump(exclude={"created_at", "updated_at"}) for n in network.nodes), key=lambda n: n["id"]
    )
    return nodes, sorted(network.ties, key=lambda t: (t.source, t.type, t.target))


async def test_write_then_read_gives_the_same_network(
    store: GraphStore, tenant: str, small_town: Town
) -> None:
    repo = NetworkRepository(store)
    network = small_town(tenant)
    summary = await repo.write(network)
    assert summary == {"nodes": 9, "located": 3, "ties": 9}
    assert _comparable(await repo.read(tenant)) == _comparable(network)


async def test_writing_twice_changes_nothing(store: GraphStore, tenant: str, small_town: Town) -> None:
    repo = NetworkRepository(store)
    await repo.write(small_town(tenant))
    first = await repo.read(tenant)
    await repo.write(small_town(tenant))
    again = await repo.read(tenant)
    assert _comparable(again) == _comparable(first)
    assert [n.created_at for n in again.nodes] == [n.created_at for n in first.nodes]


async def test_one_bad_record_writes_nothing(store: GraphStore, tenant: str, small_town: Town) -> None:
    good = small_town(tenant)
    bad_tie = Tie(type=TieType.ATTENDS, source="club", target="school")  # an association attends?
    dangling = Tie(type=TieType.MEMBER_OF, source="yp-1", target="nowhere")
    for ties in ((*good.ties, bad_tie), (*good.ties, dangling)):
        with pytest.raises(InvalidInput) as caught:
            await NetworkRepository(store).write(Network(tenant=tenant, nodes=good.nodes, ties=ties))
        assert caught.value.problems
    assert await NetworkRepository(store).count_by_kind(tenant) == {}


async def test_kind_clash_with_stored_node_is_reported(
    store: GraphStore, tenant: str, small_town: Town
) -> None:
    await NodeRepository(store).create(Area(id="club", tenant=tenant, name="Not a club"))
    with pytest.raises(InvalidInput, match="node club: the id is already used by an Area"):
        await NetworkRepository(store).write(small_town(tenant))
    assert await NetworkRepository(store).count_by_kind(tenant) == {Kind.AREA: 1}


async def test_non_atomic_write_and_delete_tenant(store: GraphStore, tenant: str, small_town: Town) -> None:
    repo = NetworkRepository(store)
    seen: list[int] = []
    await repo.write(small_town(tenant), atomic=False, progress=seen.append)
    assert sum(seen) == 9 + 9  # progress counts nodes and ties
    assert sum((await repo.count_by_kind(tenant)).values()) == 9
    await repo.delete_tenant(tenant)
    assert await repo.count_by_kind(tenant) == {}
