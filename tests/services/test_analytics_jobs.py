"""The analytics services: options checked with plain messages, results kept per data version."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.ties import TieRepository
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.services import analytics
from tests.conftest import scope_for

pytestmark = pytest.mark.neo4j

Town = Callable[[str], Network]


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Town) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


async def test_unknown_target_group_and_area_are_not_found(store: GraphStore, town: str) -> None:
    with pytest.raises(NotFound, match=f"there is no target group with id 'nope' in tenant '{town}'"):
        await analytics.gaps(scope_for(store, town), "nope")
    with pytest.raises(NotFound, match="'school' is a municipal unit, not a target group"):
        await analytics.recommendations(scope_for(store, town), "school")
    with pytest.raises(NotFound, match="there is no area with id 'roskilde'"):
        await analytics.brokers(scope_for(store, town), area="roskilde")


@pytest.mark.parametrize(
    ("job", "message"),
    [
        (lambda s: analytics.gaps(s, "tg", hops=0), "hops: 1 to 4, not 0"),
        (lambda s: analytics.gaps(s, "tg", expected_sectors=[]), "expectedSectors: name at"),
        (lambda s: analytics.brokers(s, top=0), "top: 1 to 500, not 0"),
        (lambda s: analytics.brokers(s, group_by="kind"), "groupBy: sector or arena"),
        (lambda s: analytics.communities(s, resolution=0), "resolution: above 0"),
        (lambda s: analytics.metrics(s, kind=Kind.AREA), "not Area"),
        (
            lambda s: analytics.metrics(s, kind=Kind.YOUNG_PERSON, include_young_people=False),
            "young people are left out",
        ),
        (lambda s: analytics.recruitment_list(s, "tg", file_format="pdf"), "csv or xlsx"),
    ],
)
async def test_invalid_options_name_the_option(store: GraphStore, town: str, job, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match=message):
        await job(scope_for(store, town))


async def test_results_are_kept_until_the_data_change(store: GraphStore, town: str) -> None:
    expected = [Sector.PUBLIC, Sector.CIVIL_SOCIETY, Sector.BUSINESS]
    first = await analytics.gaps(scope_for(store, town), "tg", expected_sectors=expected)
    # The same options in another order are the same question.
    assert await analytics.gaps(scope_for(store, town), "tg", expected_sectors=expected[::-1]) is first
    assert first.sectors.missing == ("business",)
    assert first.members.members == frozenset({"yp-1"})

    await NodeRepository(store).create(
        Actor(
            kind=Kind.BUSINESS,
            id="bike-shop",
            tenant=town,
            name="Hvalsø Cykler",
            sector=Sector.BUSINESS,
            arenas={Arena.WORK},
            area="hvalsoe",
        )
    )
    await TieRepository(store).connect(
        town, Tie(type=TieType.COLLABORATES_WITH, source="bike-shop", target="school", strength=2)
    )
    after = await analytics.gaps(scope_for(store, town), "tg", expected_sectors=expected)
    assert after is not first
    assert after.sectors.missing == ()
    assert "bike-shop" in after.support.ids


async def test_jobs_answer_on_a_small_town(store: GraphStore, town: str) -> None:
    ranking = await analytics.brokers(
        scope_for(store, town), source_arena=Arena.SCHOOL, target_arena=Arena.LEISURE
    )
    assert (ranking.sources, ranking.targets, ranking.connected_pairs) == (1, 1, 1)
    found = await analytics.recommendations(scope_for(store, town), "tg")
    assert found.target_group == "tg"
    metrics = await analytics.metrics(scope_for(store, town), kind=Kind.MUNICIPAL_UNIT)
    assert [n.node for n in metrics.nodes] == ["school"]
    assert (await analytics.communities(scope_for(store, town), seed=3)).seed == 3
    csv = await analytics.recruitment_list(scope_for(store, town), "tg", language="en")
    assert csv.startswith(b"\xef\xbb\xbfRank,Actor")
    xlsx = await analytics.recruitment_list(scope_for(store, town), "tg", file_format="xlsx")
    assert xlsx.startswith(b"PK")


async def test_a_question_asked_twice_at_once_is_computed_once(
    store: GraphStore, town: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from graphsvc import analytics as pure

    calls = []
    original = pure.detect_communities

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["seed"])
        return original(*args, **kwargs)

    monkeypatch.setattr(pure, "detect_communities", counted)
    first, second = await asyncio.gather(
        analytics.communities(scope_for(store, town), seed=11),
        analytics.communities(scope_for(store, town), seed=11),
    )
    assert first is second and calls == [11]
    assert await analytics.communities(scope_for(store, town), seed=11) is first and calls == [11]
