"""A batch that fails leaves the tenant exactly as it was: every node with its labels and
properties, every relationship, and the data version. Checked for an import with one bad record
in the middle, for a bulk write that the database itself refuses half-way, and for a batch of
ties with bad ones among good ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.domain import Actor, Kind, Network, Sector, Tie, TieType, YoungPerson
from graphsvc.errors import Duplicate, InvalidInput
from graphsvc.io.graphml_write import network_to_graphml_bytes
from graphsvc.services import tie_batches
from graphsvc.services.networks import import_graphml
from tests.conftest import scope_for
from tests.tenant_contents import read_contents

pytestmark = pytest.mark.neo4j


def _grown(town: Network, clubs: int = 40) -> Network:
    """The town with every node renamed (updates) and new clubs with members (inserts)."""
    renamed = tuple(n.model_copy(update={"name": n.name + " (ny)"}) for n in town.nodes)
    new = tuple(
        Actor(
            kind=Kind.ASSOCIATION,
            id=f"club-{i}",
            tenant=town.tenant,
            name=f"Klub {i}",
            sector=Sector.CIVIL_SOCIETY,
            area="hvalsoe",
        )
        for i in range(clubs)
    )
    ties = tuple(
        Tie(type=TieType.MEMBER_OF, source="yp-1", target=f"club-{i}", since=2024) for i in range(clubs)
    )
    return Network(tenant=town.tenant, nodes=renamed + new, ties=town.ties + ties)


async def _state(store: GraphStore, tenant: str) -> tuple[Any, str | None]:
    return await read_contents(store, tenant), await data_version(store, tenant)


async def test_an_import_with_one_bad_record_in_the_middle_changes_nothing(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network]
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    before = await _state(store, tenant)
    graphml = network_to_graphml_bytes(_grown(small_town(tenant))).decode()
    # Club 20 of 40 gets a sector that does not exist.
    node = graphml.index('<node id="club-20">')
    bad = graphml[:node] + graphml[node:].replace("civil_society", "outer_space", 1)

    with pytest.raises(InvalidInput, match=r"club-20.*outer_space"):
        await import_graphml(scope_for(store, tenant), bad.encode())
    assert await _state(store, tenant) == before

    # The same file without the bad value goes in whole.
    await import_graphml(scope_for(store, tenant), graphml.encode())
    assert len((await NetworkRepository(store).read(tenant)).nodes) == len(small_town(tenant).nodes) + 40


async def test_a_bulk_write_the_database_refuses_half_way_is_undone(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else creates one of the new ids after the write has read the tenant: the write's
    checks pass, and the database's uniqueness rule stops it inside its transaction, thirty
    clubs into creating forty."""
    repository = NetworkRepository(store)
    await repository.write(small_town(tenant))
    read_known = NetworkRepository.known_kinds
    meanwhile: list[Any] = []

    async def known_then_someone_else_writes(self: NetworkRepository, name: str) -> Any:
        known = await read_known(self, name)
        await NodeRepository(store).create(YoungPerson(id="club-30", tenant=name, name="Gæst"))
        meanwhile.append(await _state(store, name))
        return known

    monkeypatch.setattr(NetworkRepository, "known_kinds", known_then_someone_else_writes)
    with pytest.raises(Duplicate):
        await repository.write(_grown(small_town(tenant)))
    assert await _state(store, tenant) == meanwhile[0]


async def test_a_batch_of_ties_with_bad_ones_among_them_stores_none(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network]
) -> None:
    await NetworkRepository(store).write(_grown(small_town(tenant), clubs=5))
    before = await _state(store, tenant)
    batch = [
        {"type": "COLLABORATES_WITH", "source": "club-0", "target": "club-1", "strength": 4},
        {"type": "MEMBER_OF", "source": "yp-1", "target": "club-0", "since": 2020},  # an update
        {"type": "MEMBER_OF", "source": "club-2", "target": "club-3"},  # not allowed
        {"type": "COLLABORATES_WITH", "source": "club-3", "target": "club-4"},
        {"type": "FUNDS", "source": "fund", "target": "nowhere"},  # no such node
    ]
    with pytest.raises(InvalidInput) as refused:
        await tie_batches.connect_all(scope_for(store, tenant), batch)
    assert [p.record for p in refused.value.problems] == [
        "tie 3 (club-2 -MEMBER_OF-> club-3)",
        "tie 5 (fund -FUNDS-> nowhere)",
    ]
    assert "there is no node with id 'nowhere'" in str(refused.value)
    assert await _state(store, tenant) == before

    # Bad values are found before anything is tried, each one named.
    with pytest.raises(
        InvalidInput,
        match=r"tie 2 \(club-0 -COLLABORATES_WITH-> club-1\): "
        r"strength",
    ):
        await tie_batches.connect_all(scope_for(store, tenant), [batch[0], batch[0] | {"strength": 9}])
    assert await _state(store, tenant) == before

    good = [batch[0], batch[1], batch[3]]
    result = await tie_batches.connect_all(scope_for(store, tenant), good)
    assert (result.created, result.updated) == (2, 1)
    ties = {(t.source, t.type.value, t.target): t for t in (await NetworkRepository(store).read(tenant)).ties}
    assert ties["club-0", "COLLABORATES_WITH", "club-1"].strength == 4
    assert ties["yp-1", "MEMBER_OF", "club-0"].since == 2020
    assert await data_version(store, tenant) != before[1]
