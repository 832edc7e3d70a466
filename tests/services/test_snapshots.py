"""Snapshots against the real Neo4j: taken from the small town, the town changed through the
repositories, then compared, with every difference known beforehand.

Before (the small town): school (public) and club (civil society) collaborate and refer; the
foundation (philanthropy) funds +DIG, in which the club takes part; +DIG targets the lonely
12-17-year-olds of Hvalsø, whose one member yp-1 attends the school.
After: a business (Brugsen) collaborates with the club; the foundation is gone; a second member
yp-2 has moved to Hvalsø without any tie.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.snapshots import SnapshotRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.db.ties import TieRepository
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType, YoungPerson
from graphsvc.errors import Duplicate, InvalidInput, NotFound
from graphsvc.services import audit_log, snapshots
from tests.conftest import scope_for

pytestmark = pytest.mark.neo4j

Town = Callable[[str], Network]
KICK_OFF = datetime.date(2026, 1, 15)


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Town) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


async def _change_the_town(store: GraphStore, tenant: str) -> None:
    await NodeRepository(store).create(
        Actor(
            kind=Kind.BUSINESS,
            id="brugsen",
            tenant=tenant,
            name="Dagli'Brugsen Hvalsø",
            sector=Sector.BUSINESS,
            arenas={Arena.WORK},
            area="hvalsoe",
        )
    )
    await TieRepository(store).connect(
        tenant, Tie(type=TieType.COLLABORATES_WITH, source="brugsen", target="club", strength=2)
    )
    await NodeRepository(store).delete(tenant, "fund")
    await NodeRepository(store).create(
        YoungPerson(
            id="yp-2",
            tenant=tenant,
            name="Grøn Ugle",
            age_band="12-14",
            challenges={"loneliness"},
            area="hvalsoe",
        )
    )


async def test_a_snapshot_keeps_measures_and_the_partnership_only(store: GraphStore, town: str) -> None:
    taken = await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026", taken_on=KICK_OFF)
    assert (taken.id, taken.name, taken.taken_on) == ("kick-off-2026", "Kick-off 2026", KICK_OFF)
    m = taken.measures
    # school-club is the one actor tie (collaborates and refers: one pair); the foundation only
    # funds the initiative, so it has no tie to another actor.
    assert (m.actors, m.actor_ties, m.components, m.isolated_actors) == (3, 1, 2, 1)
    assert m.density == pytest.approx(1 / 3)
    assert (m.cross_sector_tie_share, m.ei_index, m.degree_centralisation) == (1.0, 1.0, 0.5)
    # Reach needs the young people: yp-1 attends the school, which works with the club.
    (reach,) = m.reach
    assert (reach.target_group, reach.members, reach.reached, reach.partners) == ("tg", 1, 1, 2)

    stored, content = await SnapshotRepository(store).find(town, "kick-off-2026")
    assert stored == taken
    assert {n.kind for n in content.nodes} == {
        Kind.AREA,
        Kind.MUNICIPAL_UNIT,
        Kind.ASSOCIATION,
        Kind.ORGANISATION,
        Kind.TARGET_GROUP,
        Kind.INITIATIVE,
    }
    assert {(t.source, t.type, t.target) for t in content.ties} == {
        ("hvalsoe", TieType.PART_OF, "kommune"),
        ("school", TieType.COLLABORATES_WITH, "club"),
        ("school", TieType.REFERS_TO, "club"),
        ("club", TieType.PARTICIPATES_IN, "plusdig"),
        ("fund", TieType.FUNDS, "plusdig"),
        ("plusdig", TieType.TARGETS, "tg"),
    }
    club = next(n for n in content.nodes if n.id == "club")
    assert (club.area, club.sector, club.arenas) == (
        "hvalsoe",
        Sector.CIVIL_SOCIETY,  # type: ignore[union-attr]
        {Arena.LEISURE},
    )
    collaboration = next(t for t in content.ties if t.type is TieType.COLLABORATES_WITH)
    assert (collaboration.strength, collaboration.since, collaboration.frequency) == (3, 2025, "monthly")


async def test_comparison_finds_the_known_differences(store: GraphStore, town: str) -> None:
    await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026", taken_on=KICK_OFF)
    await _change_the_town(store, town)
    await snapshots.create_snapshot(scope_for(store, town), "Midtvejs", taken_on=datetime.date(2026, 6, 1))

    result = await snapshots.compare(scope_for(store, town), "Kick-off 2026", "midtvejs")
    assert (result.before.id, result.after.id, result.after.is_now) == ("kick-off-2026", "midtvejs", False)
    c = result.changes
    assert [p.node for p in c.partners_gained] == ["brugsen"]
    assert [p.node for p in c.partners_lost] == ["fund"]
    assert [(t.source, t.type, t.target, t.cross_sector) for t in c.ties_gained] == [
        ("brugsen", "COLLABORATES_WITH", "club", True)
    ]
    assert [(t.source, t.type, t.target) for t in c.ties_lost] == [("fund", "FUNDS", "plusdig")]
    sectors = {g.group: (g.partners_gained, g.partners_lost, g.ties_gained, g.ties_lost) for g in c.by_sector}
    assert sectors == {
        "public": (0, 0, 0, 0),
        "civil_society": (0, 0, 1, 0),
        "business": (1, 0, 1, 0),
        "philanthropy": (0, 1, 0, 1),
    }
    arenas = {g.group: (g.partners_gained, g.ties_gained) for g in c.by_arena}
    assert arenas == {"school": (0, 0), "leisure": (0, 1), "work": (1, 1)}
    measures = {m.measure: (m.before, m.after) for m in c.measures}
    assert measures["actor_ties"] == (1, 2)
    assert measures["components"] == (2, 1)
    assert measures["isolated_actors"] == (1, 0)
    assert measures["degree_centralisation"] == (0.5, 1.0)
    (reach,) = c.reach
    assert (reach.members_before, reach.members_after, reach.reached_after) == (1, 2, 1)
    assert (reach.share_before, reach.share_after, reach.change) == (1.0, 0.5, -0.5)
    assert result.sentence.startswith(
        "From 'Kick-off 2026' (2026-01-15) to 'Midtvejs' "
        "(2026-06-01): 1 partners gained and 1 lost, 1 ties "
        "gained and 1 lost"
    )

    # The network now is the same as the second snapshot: comparing with "now" agrees.
    now = await snapshots.compare(scope_for(store, town), "kick-off-2026")
    assert now.after.is_now and now.changes == c
    same = await snapshots.compare(scope_for(store, town), "midtvejs", "now")
    assert not (same.changes.partners_gained or same.changes.ties_lost)


async def test_erasing_a_young_person_leaves_snapshots_as_they_were(store: GraphStore, town: str) -> None:
    taken = await snapshots.create_snapshot(scope_for(store, town), "Før", taken_on=KICK_OFF)
    repository = SnapshotRepository(store)
    _, before = await repository.find(town, taken.id)
    await NodeRepository(store).delete(town, "yp-1")
    await NodeRepository(store).delete(town, "p-1")
    stored, after = await repository.find(town, taken.id)
    assert stored == taken and after == before
    assert stored.measures.reach[0].reached == 1  # measured when yp-1 was there


async def test_names_ids_and_order(store: GraphStore, town: str) -> None:
    await snapshots.create_snapshot(
        scope_for(store, town), "  Slut   2027 ", taken_on=datetime.date(2027, 6, 1)
    )
    await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026", taken_on=KICK_OFF)
    second = await snapshots.create_snapshot(scope_for(store, town), "Kick off 2026", taken_on=KICK_OFF)
    assert second.id == "kick-off-2026-2"  # same slug, different name
    listed = await snapshots.list_snapshots(scope_for(store, town))
    assert [(s.id, s.name) for s in listed] == [
        ("kick-off-2026", "Kick-off 2026"),
        ("kick-off-2026-2", "Kick off 2026"),
        ("slut-2027", "Slut 2027"),
    ]
    with pytest.raises(Duplicate, match="already has a snapshot named 'KICK-OFF 2026'"):
        await snapshots.create_snapshot(scope_for(store, town), "KICK-OFF 2026")
    gone = await snapshots.delete_snapshot(scope_for(store, town), "Kick off 2026")
    assert gone.id == "kick-off-2026-2"
    assert [s.id for s in await snapshots.list_snapshots(scope_for(store, town))] == [
        "kick-off-2026",
        "slut-2027",
    ]


@pytest.mark.parametrize(
    ("name", "when", "message"),
    [
        ("", None, "a snapshot needs a name"),
        ("   ", None, "a snapshot needs a name"),
        ("Now", None, "'now' stands for the network as it is now"),
        ("x" * 201, None, "at most 200 characters"),
        ("a\x07b", None, "control characters"),
        ("Old", datetime.date(1999, 12, 31), "date: between 2000-01-01 and 2100-12-31"),
    ],
)
async def test_bad_snapshots_are_refused_and_write_nothing(
    store: GraphStore, town: str, name: str, when: datetime.date | None, message: str
) -> None:
    version = await data_version(store, town)
    with pytest.raises(InvalidInput, match=message):
        await snapshots.create_snapshot(scope_for(store, town), name, taken_on=when)
    assert await snapshots.list_snapshots(scope_for(store, town)) == []
    assert await data_version(store, town) == version


async def test_snapshots_belong_to_their_tenant(store: GraphStore, town: str, small_town: Town) -> None:
    other = town + "-other"
    await NetworkRepository(store).write(small_town(other))
    await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026")
    assert await snapshots.list_snapshots(scope_for(store, other)) == []
    with pytest.raises(NotFound, match=f"there is no snapshot 'kick-off-2026' in tenant '{other}'"):
        await snapshots.compare(scope_for(store, other), "kick-off-2026")
    with pytest.raises(NotFound):
        await snapshots.delete_snapshot(scope_for(store, other), "Kick-off 2026")
    # The same name is free in the other tenant.
    assert (await snapshots.create_snapshot(scope_for(store, other), "Kick-off 2026")).id == "kick-off-2026"


async def test_taking_a_snapshot_is_a_recorded_change(store: GraphStore, town: str) -> None:
    version = await data_version(store, town)
    await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026", taken_on=KICK_OFF)
    assert await data_version(store, town) != version
    latest = (await audit_log.entries(scope_for(store, town), limit=1))[0]
    assert (latest.action, latest.target, latest.actor) == (
        "create_snapshot",
        "kick-off-2026",
        "command line",
    )
    assert latest.after == {"name": "Kick-off 2026", "taken_on": "2026-01-15", "actors": 3, "ties": 6}
    await snapshots.delete_snapshot(scope_for(store, town), "kick-off-2026")
    assert (await audit_log.entries(scope_for(store, town), limit=1))[0].action == "delete_snapshot"


async def test_growth_chart(store: GraphStore, town: str) -> None:
    with pytest.raises(InvalidInput, match="has no snapshots yet"):
        await snapshots.growth_chart(scope_for(store, town), file_format="png")
    await snapshots.create_snapshot(scope_for(store, town), "Kick-off 2026", taken_on=KICK_OFF)
    await _change_the_town(store, town)
    await snapshots.create_snapshot(scope_for(store, town), "Midtvejs", taken_on=datetime.date(2026, 6, 1))
    png = await snapshots.growth_chart(scope_for(store, town), file_format="png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    svg = (await snapshots.growth_chart(scope_for(store, town), file_format="svg")).decode("utf-8")
    assert "<svg" in svg
    # Text is drawn as paths; the SVG keeps each text as a comment, Danish by default.
    assert "Netværkets udvikling" in svg and "15.01.2026" in svg and "Midtvejs" in svg
    english = (await snapshots.growth_chart(scope_for(store, town), file_format="svg", language="en")).decode(
        "utf-8"
    )
    assert "How the network has grown" in english and "15 Jan 2026" in english
