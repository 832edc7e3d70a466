"""The analytics projection read from Neo4j: the same graph as the pure projection, cached per
tenant, and outdated by every write, from this store or any other."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.analytics import network_to_graph
from graphsvc.config import Settings
from graphsvc.db import projection as bulk
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.projection import ProjectionRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.db.ties import TieRepository
from graphsvc.demo import generate_demo
from graphsvc.domain import Actor, Kind, Network, Sector, Tie, TieType
from graphsvc.errors import NotFound
from graphsvc.services.projection import ProjectionCache, graph_from_rows

pytestmark = pytest.mark.neo4j

Town = Callable[[str], Network]


def _same_graph(a: Any, b: Any) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert {(u, v): d for u, v, d in a.edges(data=True)} == {(u, v): d for u, v, d in b.edges(data=True)}


async def test_read_from_neo4j_equals_the_pure_projection(store: GraphStore, small_demo: str) -> None:
    projection = await ProjectionCache().get(store, small_demo)
    expected = network_to_graph(generate_demo(tenant=small_demo, size="small", seed=2635))
    assert projection.graph.number_of_nodes() == 2_099
    _same_graph(projection.graph, expected)
    assert projection.graph.graph["tenant"] == small_demo


async def test_pages_add_up_to_the_whole(store: GraphStore, tenant: str, small_town: Town) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    whole = await ProjectionRepository(store).read(tenant)
    paged = await ProjectionRepository(store).read(tenant, page_size=2)
    assert len(paged.nodes) == len(whole.nodes) == 9
    _same_graph(graph_from_rows(paged), graph_from_rows(whole))
    assert graph_from_rows(whole).nodes["school"]["area"] == "hvalsoe"


async def test_reused_until_a_write(store: GraphStore, tenant: str, small_town: Town) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    cache = ProjectionCache()
    first = await cache.get(store, tenant)
    before = store.transactions
    assert await cache.get(store, tenant) is first
    assert store.transactions - before == 1  # only the version was read
    assert cache.reads == 1

    await NodeRepository(store).update(tenant, "club", {"name": "Hvalsø Klatreklub og Boulder"})
    second = await cache.get(store, tenant)
    assert second is not first and cache.reads == 2
    assert second.graph.nodes["club"]["name"] == "Hvalsø Klatreklub og Boulder"
    assert first.graph.nodes["club"]["name"] == "Hvalsø Klatreklub"  # results stay frozen


async def test_a_write_through_another_connection_outdates_it(
    store: GraphStore, settings: Settings, tenant: str, small_town: Town
) -> None:
    # A second store is what another process (the command line, a second API worker) has.
    await NetworkRepository(store).write(small_town(tenant))
    cache = ProjectionCache()
    assert not (await cache.get(store, tenant)).graph.has_edge("fund", "club")
    other = GraphStore.connect(settings)
    try:
        await TieRepository(other).connect(
            tenant, Tie(type=TieType.FUNDS, source="fund", target="club", since=2026)
        )
    finally:
        await other.close()
    graph = (await cache.get(store, tenant)).graph
    assert graph.edges["fund", "club"]["types"] == frozenset({"FUNDS"})


async def test_every_write_gives_a_new_version(store: GraphStore, tenant: str, small_town: Town) -> None:
    nodes, ties, networks = NodeRepository(store), TieRepository(store), NetworkRepository(store)
    new_actor = Actor(
        kind=Kind.BUSINESS,
        id="biz",
        tenant=tenant,
        name="Hvalsø Cykler",
        sector=Sector.BUSINESS,
        area="hvalsoe",
    )
    tie = Tie(type=TieType.COLLABORATES_WITH, source="biz", target="club", strength=2)
    writes = [
        ("network write", lambda: networks.write(small_town(tenant))),
        ("create", lambda: nodes.create(new_actor)),
        ("update", lambda: nodes.update(tenant, "biz", {"category": "Cykelhandler"})),
        ("connect", lambda: ties.connect(tenant, tie)),
        ("disconnect", lambda: ties.disconnect(tenant, TieType.COLLABORATES_WITH, "biz", "club")),
        ("delete", lambda: nodes.delete(tenant, "biz")),
        ("delete tenant", lambda: networks.delete_tenant(tenant)),
    ]
    seen = {await data_version(store, tenant)}
    for name, write in writes:
        await write()
        version = await data_version(store, tenant)
        assert version not in seen, name
        seen.add(version)
    # A refused change writes nothing, the version included.
    with pytest.raises(NotFound):
        await nodes.delete(tenant, "biz")
    assert await data_version(store, tenant) == version


async def test_a_read_overlapping_a_write_is_repeated(
    store: GraphStore, settings: Settings, tenant: str, small_town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    other = GraphStore.connect(settings)
    pages = 0
    original = bulk.run

    async def run_then_write(tx: Any, name: str, **parameters: Any) -> Any:
        nonlocal pages
        records = await original(tx, name, **parameters)
        if name == "analytics/read_page":
            pages += 1
            if pages == 1:  # another process commits while the first read is under way
                await NodeRepository(other).update(tenant, "club", {"category": "Klatring"})
        return records

    monkeypatch.setattr(bulk, "run", run_then_write)
    try:
        once = await ProjectionRepository(store).read(tenant, attempts=1)
        assert not once.consistent
        pages = 0
        again = await ProjectionRepository(store).read(tenant, attempts=3)
    finally:
        await other.close()
    assert again.consistent and again.version == await data_version(store, tenant)
    assert graph_from_rows(again).nodes["club"]["category"] == "Klatring"


def test_the_bulk_read_returns_the_projection_columns_in_their_order() -> None:
    """The columns are named once (graphsvc.domain.PROJECTION_COLUMNS); the Cypher file that
    reads them must list the same properties in the same order, then the ties."""
    from pathlib import Path

    from graphsvc.db.projection import NODE_COLUMNS
    from graphsvc.domain import PROJECTION_COLUMNS, PROJECTION_TIE_COLUMNS

    text = (Path(__file__).parents[2] / "cypher/analytics/read_page.cypher").read_text()
    returned = text[text.index("RETURN collect([") : text.index("AS nodes")]
    read = re.findall(r"\bn\.(\w+)|(labels)\(n\)|\b(ties)\]", returned)
    names = [prop or ("kind" if labels else "ties") for prop, labels, ties in read]
    assert names == list(NODE_COLUMNS) == [*PROJECTION_COLUMNS, "ties"]
    ties = re.search(r"\| \[type\(r\), m\.id, ([^\]]*)\]", text)
    assert ties is not None
    assert ["type", "target", *re.findall(r"r\.(\w+)", ties.group(1))] == list(PROJECTION_TIE_COLUMNS)
