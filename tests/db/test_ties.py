"""Ties in the real Neo4j: the tie rules, properties, and nothing written on refusal."""

from __future__ import annotations

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.ties import TieRepository
from graphsvc.domain import Actor, Arena, Frequency, Kind, Sector, Tie, TieType, YoungPerson
from graphsvc.errors import InvalidInput, NotFound, TieNotAllowed

pytestmark = pytest.mark.neo4j


async def _seed(store: GraphStore, tenant: str) -> None:
    nodes = NodeRepository(store)
    await nodes.create(
        Actor(
            kind=Kind.MUNICIPAL_UNIT,
            id="school-1",
            tenant=tenant,
            name="Hvalsø Skole",
            sector=Sector.PUBLIC,
            arenas={Arena.SCHOOL},
        )
    )
    await nodes.create(
        Actor(
            kind=Kind.ASSOCIATION,
            id="club-1",
            tenant=tenant,
            name="Klatreklubben",
            sector=Sector.CIVIL_SOCIETY,
            arenas={Arena.LEISURE},
        )
    )
    await nodes.create(
        Actor(
            kind=Kind.BUSINESS,
            id="shop-1",
            tenant=tenant,
            name="Netto",
            sector=Sector.BUSINESS,
            arenas={Arena.WORK},
        )
    )
    await nodes.create(YoungPerson(id="yp-1", tenant=tenant, name="Blå Ræv", age_band="12-14"))


async def test_connect_update_list_disconnect(store: GraphStore, tenant: str) -> None:
    await _seed(store, tenant)
    ties = TieRepository(store)
    tie = Tie(
        type=TieType.COLLABORATES_WITH,
        source="school-1",
        target="club-1",
        strength=4,
        since=2024,
        frequency=Frequency.MONTHLY,
    )
    assert await ties.connect(tenant, tie) is True
    stronger = tie.model_copy(update={"strength": 5})
    assert await ties.connect(tenant, stronger) is False  # the same tie, properties replaced
    assert await ties.connect(tenant, Tie(type=TieType.ATTENDS, source="yp-1", target="school-1"))
    assert await ties.ties_of(tenant, "school-1") == [
        Tie(type=TieType.ATTENDS, source="yp-1", target="school-1"),
        stronger,
    ]
    await ties.disconnect(tenant, TieType.COLLABORATES_WITH, "school-1", "club-1")
    with pytest.raises(NotFound):
        await ties.disconnect(tenant, TieType.COLLABORATES_WITH, "school-1", "club-1")
    assert [t.type for t in await ties.ties_of(tenant, "school-1")] == [TieType.ATTENDS]


async def test_tie_that_does_not_fit_is_refused_and_not_written(store: GraphStore, tenant: str) -> None:
    await _seed(store, tenant)
    ties = TieRepository(store)
    with pytest.raises(TieNotAllowed, match="a Business cannot be tied to a MunicipalUnit by ATTENDS"):
        await ties.connect(tenant, Tie(type=TieType.ATTENDS, source="shop-1", target="school-1"))
    with pytest.raises(TieNotAllowed, match="no strength"):
        await ties.connect(tenant, Tie(type=TieType.ATTENDS, source="yp-1", target="school-1", strength=3))
    with pytest.raises(NotFound, match="'ghost'"):
        await ties.connect(tenant, Tie(type=TieType.MEMBER_OF, source="yp-1", target="ghost"))
    with pytest.raises(InvalidInput):
        await ties.connect(tenant, Tie(type=TieType.COLLABORATES_WITH, source="club-1", target="club-1"))
    assert await ties.ties_of(tenant, "school-1") == []


async def test_ties_never_cross_tenants(store: GraphStore, tenant: str) -> None:
    await _seed(store, tenant)
    other = tenant + "-b"
    await NodeRepository(store).create(
        Actor(
            kind=Kind.ASSOCIATION, id="club-9", tenant=other, name="Other club", sector=Sector.CIVIL_SOCIETY
        )
    )
    with pytest.raises(NotFound):
        await TieRepository(store).connect(
            tenant, Tie(type=TieType.COLLABORATES_WITH, source="school-1", target="club-9")
        )
