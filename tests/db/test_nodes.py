"""Nodes in the real Neo4j: create, read, update, delete, list with filters and search."""

from __future__ import annotations

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeFilter, NodeRepository, lucene_query
from graphsvc.domain import Actor, Area, Arena, Kind, Sector, YoungPerson
from graphsvc.errors import Duplicate, InvalidInput, NotFound

pytestmark = pytest.mark.neo4j


def club(tenant: str, id_: str = "club-1", name: str = "Hvalsø Klatreklub", **extra: object) -> Actor:
    fields = {
        "kind": Kind.ASSOCIATION,
        "id": id_,
        "tenant": tenant,
        "name": name,
        "sector": Sector.CIVIL_SOCIETY,
        "arenas": {Arena.LEISURE},
    } | extra
    return Actor.model_validate(fields)


async def test_create_get_roundtrip_keeps_every_field(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    await nodes.create(Area(id="area-hvalsoe", tenant=tenant, name="Hvalsø", area_type="town"))
    created = await nodes.create(
        club(tenant, area="area-hvalsoe", category="Klatreklub", arenas={Arena.LEISURE, Arena.COMMUNITY})
    )
    got = await nodes.get(tenant, "club-1")
    assert got == created
    assert got.arenas == frozenset({Arena.LEISURE, Arena.COMMUNITY})
    assert got.area == "area-hvalsoe"
    assert got.created_at is not None and got.updated_at is not None


async def test_duplicate_id_in_tenant_is_refused_but_other_tenant_may_use_it(
    store: GraphStore, tenant: str
) -> None:
    nodes = NodeRepository(store)
    await nodes.create(club(tenant))
    with pytest.raises(Duplicate):
        await nodes.create(club(tenant, name="Another"))
    await nodes.create(club(tenant + "-other"))
    assert (await nodes.get(tenant, "club-1")).name == "Hvalsø Klatreklub"


async def test_unknown_area_writes_nothing(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    with pytest.raises(InvalidInput, match="area 'nowhere' is not an area"):
        await nodes.create(club(tenant, area="nowhere"))
    with pytest.raises(NotFound):
        await nodes.get(tenant, "club-1")


async def test_update_validates_whole_node_and_changes_nothing_on_error(
    store: GraphStore, tenant: str
) -> None:
    nodes = NodeRepository(store)
    await nodes.create(club(tenant))
    _, updated = await nodes.update(tenant, "club-1", {"name": "Klatreklubben", "sector": "business"})
    assert updated.name == "Klatreklubben" and updated.sector is Sector.BUSINESS
    for bad in ({"sector": "church"}, {"name": ""}, {"name": "x" * 10_000}, {"id": "other"}):
        with pytest.raises(InvalidInput):
            await nodes.update(tenant, "club-1", bad)
    assert await nodes.get(tenant, "club-1") == updated
    with pytest.raises(NotFound):
        await nodes.update(tenant, "missing", {"name": "x"})


async def test_delete_removes_ties(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    await nodes.create(Area(id="a1", tenant=tenant, name="Hvalsø"))
    await nodes.create(club(tenant, area="a1"))
    assert await nodes.delete(tenant, "club-1") == 1
    with pytest.raises(NotFound):
        await nodes.delete(tenant, "club-1")
    assert (await NetworkRepository(store).count_by_kind(tenant)) == {Kind.AREA: 1}


async def test_list_filters_paginates_and_searches(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    await nodes.create(Area(id="a1", tenant=tenant, name="Hvalsø"))
    for i in range(5):
        await nodes.create(club(tenant, id_=f"club-{i}", name=f"Klub {i}", area="a1" if i < 2 else None))
    await nodes.create(YoungPerson(id="yp-1", tenant=tenant, name="Blå Ræv 1", age_band="12-14"))

    page = await nodes.list(tenant, NodeFilter(kinds=frozenset({Kind.ASSOCIATION})), first=2)
    assert [n.id for n in page.nodes] == ["club-0", "club-1"]
    assert page.total == 5 and page.has_next_page
    associations = NodeFilter(kinds=frozenset({Kind.ASSOCIATION}))
    rest = await nodes.list(tenant, associations, first=10, after=page.end_cursor)
    assert [n.id for n in rest.nodes] == ["club-2", "club-3", "club-4"] and not rest.has_next_page

    assert (await nodes.list(tenant, NodeFilter(area="a1"))).total == 2
    assert (await nodes.list(tenant, NodeFilter(arena=Arena.LEISURE))).total == 5
    assert (await nodes.list(tenant, NodeFilter(sector=Sector.BUSINESS))).total == 0
    found = await nodes.list(tenant, NodeFilter(search="klub 3"))
    assert [n.id for n in found.nodes] == ["club-3"]
    # Lucene syntax is searched literally, never interpreted (and never an error).
    assert (await nodes.list(tenant, NodeFilter(search='name:* OR "x'))).total == 0
    with pytest.raises(InvalidInput):
        await nodes.list(tenant, first=0)


def test_lucene_query_takes_words_and_never_syntax() -> None:
    assert lucene_query("Hvalsø  Klub") == "hvalsø* AND klub*"
    assert lucene_query("a:b (c)") == "a* AND b* AND c*"
    assert lucene_query("   ") is None
    assert lucene_query(" & – / ") is None


PUNCTUATED = [
    "KFUM & KFUK",
    "Fjordlev E-sport",
    "PPR – Pædagogisk Psykologisk Rådgivning",
    "Kjær & Søn",
    "Solgården v/ Signe",
    "Café (Ungdomshuset)",
]


async def test_names_with_punctuation_are_found_as_they_are_written(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    for number, name in enumerate(PUNCTUATED):
        await nodes.create(
            Actor(
                kind=Kind.ASSOCIATION, id=f"a-{number}", tenant=tenant, name=name, sector=Sector.CIVIL_SOCIETY
            )
        )
    for number, name in enumerate(PUNCTUATED):
        for typed in (name, name[: max(3, len(name) // 2)]):
            found = await nodes.list(tenant, NodeFilter(search=typed))
            assert f"a-{number}" in [n.id for n in found.nodes], typed
