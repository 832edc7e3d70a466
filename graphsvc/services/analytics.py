"""The analytics jobs as the API and the command line run them.

Each job checks its options (:class:`~graphsvc.errors.InvalidInput` naming the option, and
:class:`~graphsvc.errors.NotFound` for a target group or area the tenant does not have), takes
the tenant's current projection (:mod:`graphsvc.services.projection`) and runs the pure job of
:mod:`graphsvc.analytics` in a worker thread. Results are kept with the projection, keyed by
their options, until the tenant's data change.

What a job returns is what the caller's audience may see
(:mod:`graphsvc.services.audience`): a viewer's figures are computed without the young people,
and its recommendations name no contact person.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, Literal

from graphsvc import analytics
from graphsvc.analytics import (
    BrokerRanking,
    CommunityResult,
    GapReport,
    MetricsResult,
    Recommendations,
)
from graphsvc.analytics.wording import KIND_LABELS, label
from graphsvc.auth import Role
from graphsvc.domain import ACTOR_KINDS, Arena, Kind, Sector
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.services.projection import Projection, memoised, projection
from graphsvc.services.scope import Scope

__all__ = [
    "DEFAULT_EXPECTED_SECTORS",
    "MAX_HOPS",
    "MAX_TOP",
    "brokers",
    "communities",
    "expected_values",
    "gaps",
    "metrics",
    "recommendations",
    "recruitment_list",
]

GroupBy = Literal["sector", "arena"]
Language = Literal["da", "en"]
FileFormat = Literal["csv", "xlsx"]

DEFAULT_EXPECTED_SECTORS: tuple[Sector, ...] = tuple(Sector(s) for s in analytics.DEFAULT_EXPECTED_SECTORS)
MAX_TOP = 500
# Beyond four hops a support network is most of a municipality and says nothing.
MAX_HOPS = 4
_METRIC_KINDS = ACTOR_KINDS | {Kind.YOUNG_PERSON}


async def metrics(
    scope: Scope,
    *,
    kind: Kind | None = None,
    sector: Sector | None = None,
    include_young_people: bool = True,
    seed: int = 0,
) -> MetricsResult:
    """Degree, betweenness, closeness, eigenvector, constraint and effective size per node
    (see :func:`graphsvc.analytics.node_metrics`), optionally of one kind or sector only."""
    if kind is not None and kind not in _METRIC_KINDS:
        raise InvalidInput(f"kind: metrics are for actors and young people, not {kind.value}")
    if not scope.audience.young_people:
        if kind is Kind.YOUNG_PERSON:
            scope.require(Role.COORDINATOR)
        include_young_people = False
    if kind is Kind.YOUNG_PERSON and not include_young_people:
        raise InvalidInput("kind: young people are left out when includeYoungPeople is false")
    p = await projection(scope)
    key = ("metrics", kind, sector, include_young_people, seed)
    return await memoised(
        p,
        key,
        lambda G: analytics.node_metrics(
            G,
            kind=kind.value if kind else None,
            sector=sector.value if sector else None,
            include_young_people=include_young_people,
            seed=seed,
        ),
    )


async def brokers(
    scope: Scope,
    *,
    source_arena: Arena = Arena.SCHOOL,
    target_arena: Arena = Arena.LEISURE,
    area: str | None = None,
    group_by: GroupBy = "sector",
    include_young_people: bool = False,
    top: int = 20,
) -> BrokerRanking:
    """The actors that connect ``source_arena`` actors to ``target_arena`` actors, ranked (see
    :func:`graphsvc.analytics.rank_brokers`)."""
    _check_top(top)
    if group_by not in ("sector", "arena"):
        raise InvalidInput(f"groupBy: sector or arena, not {group_by!r}")
    include_young_people = include_young_people and scope.audience.young_people
    p = await projection(scope)
    if area is not None:
        _require(scope, p, area, Kind.AREA, "area")
    key = ("brokers", source_arena, target_arena, area, group_by, include_young_people, top)
    return await memoised(
        p,
        key,
        lambda G: analytics.rank_brokers(
            G,
            source_arena=source_arena.value,
            target_arena=target_arena.value,
            area=area,
            include_young_people=include_young_people,
            group_by=group_by,
            top=top,
        ),
    )


async def gaps(
    scope: Scope,
    target_group: str,
    *,
    hops: int = 2,
    expected_sectors: Iterable[Sector] | None = None,
    seed: int = 0,
) -> GapReport:
    """The gap report for ``target_group`` (see :func:`graphsvc.analytics.gap_report`)."""
    p = await projection(scope)
    return await _gap_report(
        scope, p, target_group, hops=hops, expected=expected_values(expected_sectors), seed=seed
    )


async def recommendations(
    scope: Scope,
    target_group: str,
    *,
    top: int = 20,
    hops: int = 2,
    expected_sectors: Iterable[Sector] | None = None,
    seed: int = 0,
) -> Recommendations:
    """Partners to recruit for the gaps around ``target_group``, each with its reasons, contact
    persons and introduction path (see :func:`graphsvc.analytics.recommend_partners`)."""
    _check_top(top)
    expected = expected_values(expected_sectors)
    p = await projection(scope)
    report = await _gap_report(scope, p, target_group, hops=hops, expected=expected, seed=seed)
    key = ("recommendations", target_group, hops, expected, seed, top)
    found = await memoised(p, key, lambda G: analytics.recommend_partners(G, report, top=top))
    hidden = scope.audience.hidden_kinds
    return analytics.without_people(found, {k.value for k in hidden}) if hidden else found


async def recruitment_list(
    scope: Scope,
    target_group: str,
    *,
    file_format: FileFormat = "csv",
    language: Language = "da",
    top: int = 50,
    hops: int = 2,
    expected_sectors: Iterable[Sector] | None = None,
) -> bytes:
    """The recommendations as a recruitment list file: CSV or XLSX, Danish or English
    headings (see :mod:`graphsvc.analytics.recruitment_list`)."""
    if file_format not in ("csv", "xlsx"):
        raise InvalidInput(f"format: csv or xlsx, not {file_format!r}")
    if language not in ("da", "en"):
        raise InvalidInput(f"lang: da or en, not {language!r}")
    found = await recommendations(scope, target_group, top=top, hops=hops, expected_sectors=expected_sectors)
    write = analytics.recruitment_csv if file_format == "csv" else analytics.recruitment_xlsx
    return await asyncio.to_thread(write, found, language=language)


async def communities(
    scope: Scope, *, seed: int = 0, resolution: float = 1.0, include_young_people: bool = True
) -> CommunityResult:
    """Louvain communities with their sector and arena mix and their bridges (see
    :func:`graphsvc.analytics.detect_communities`)."""
    if not 0 < resolution <= 10:
        raise InvalidInput(f"resolution: above 0 and at most 10, not {resolution:g}")
    include_young_people = include_young_people and scope.audience.young_people
    p = await projection(scope)
    key = ("communities", seed, resolution, include_young_people)
    return await memoised(
        p,
        key,
        lambda G: analytics.detect_communities(
            G, seed=seed, resolution=resolution, include_young_people=include_young_people
        ),
    )


async def _gap_report(
    scope: Scope, p: Projection, target_group: str, *, hops: int, expected: tuple[str, ...], seed: int
) -> GapReport:
    if not 1 <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops: 1 to {MAX_HOPS}, not {hops}")
    _require(scope, p, target_group, Kind.TARGET_GROUP, "target group")
    key = ("gaps", target_group, hops, expected, seed)
    return await memoised(
        p,
        key,
        lambda G: analytics.gap_report(G, target_group, hops=hops, expected_sectors=expected, seed=seed),
    )


def expected_values(sectors: Iterable[Sector] | None) -> tuple[str, ...]:
    """The expected sectors as plain values, in the order of ``Sector`` (a stable key)."""
    chosen = DEFAULT_EXPECTED_SECTORS if sectors is None else tuple(sectors)
    if not chosen:
        raise InvalidInput("expectedSectors: name at least one sector, or leave it out for the default")
    return tuple(s.value for s in Sector if s in set(chosen))


def _check_top(top: int) -> None:
    if not 1 <= top <= MAX_TOP:
        raise InvalidInput(f"top: 1 to {MAX_TOP}, not {top}")


def _require(scope: Scope, p: Projection, node_id: str, kind: Kind, what: str) -> None:
    data: dict[str, Any] | None = p.graph.nodes.get(node_id)
    if data is None or Kind(data["kind"]) in scope.audience.hidden_kinds:
        raise NotFound(f"there is no {what} with id {node_id!r} in tenant {p.tenant!r}")
    if data["kind"] != kind.value:
        found = label(KIND_LABELS, data["kind"])
        raise NotFound(f"{node_id!r} is {'an' if found[0] in 'aeiou' else 'a'} {found}, not a {what}")
