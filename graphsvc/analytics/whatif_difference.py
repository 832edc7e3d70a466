"""What a change would change: the gap report and the broker ranking before and after, told
apart item by item.

Definitions (the gap report's own, see :mod:`~graphsvc.analytics.gaps`):

* **leisure access**: members with a leisure actor within two hops (the first hop an actor),
  overall, per area and per age band; and for every arena, the members who would reach an
  actor of it within two hops that they do not reach now, or no longer reach
  (:mod:`~graphsvc.analytics.arena_access`);
* **sectors** missing or under-represented in the support network, before and after;
* **area gaps**, **schools without leisure within two hops** and **single points of failure**
  closed (found before, not after) and opened (found after, not before). An actor that is
  removed closes no gap of its own: a school that closes is not a school that got a leisure
  partner;
* the **school→leisure brokerage**: connected pairs and each ranked broker's share.

:mod:`~graphsvc.analytics.effect` sums it up in the few numbers a ranking compares.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import networkx as nx

from .brokers import BrokerRanking
from .members import age_band_of
from .projection import node_data
from .reach import AreaGap, SchoolGap, SinglePointOfFailure
from .support import SectorCoverage
from .wording import ARENA_LABELS

__all__ = [
    "AccessCount",
    "ArenaChange",
    "BrokerShare",
    "BrokerageChange",
    "FailureChange",
    "Gaps",
    "SectorChange",
    "access_counts",
    "arena_changes",
    "brokerage_change",
    "failure_changes",
    "gaps_changed",
    "sector_changes",
]

Arenas = Mapping[str, frozenset[str]]  # member -> arenas within two hops


class Gaps(Protocol):
    """The parts of a gap report an effect is measured on (a :class:`GapReport` has them)."""

    @property
    def sectors(self) -> SectorCoverage: ...

    @property
    def area_gaps(self) -> tuple[AreaGap, ...]: ...

    @property
    def schools_without_leisure(self) -> tuple[SchoolGap, ...]: ...


@dataclass(frozen=True)
class AccessCount:
    """Members of one group (``"all"``, an area id or an age band) with a focus-arena actor
    within two hops, before and after."""

    group: str
    label: str
    members: int
    before: int
    after: int


@dataclass(frozen=True)
class ArenaChange:
    """Members who would reach an actor of ``arena`` within two hops that they do not reach
    now (``gained``), and members who would no longer reach one (``lost``)."""

    arena: str
    gained: int
    lost: int


@dataclass(frozen=True)
class SectorChange:
    """An expected sector's status (missing, under_represented, covered) and its actors in
    the support network, before and after."""

    sector: str
    before: str
    after: str
    actors_before: int
    actors_after: int


@dataclass(frozen=True)
class FailureChange:
    """An actor that is, or would be, a single point of failure: the members it cuts off from
    leisure, before and after (0: it is not one)."""

    node: str
    name: str
    before: int
    after: int


@dataclass(frozen=True)
class BrokerShare:
    """A ranked broker's share of the school→leisure paths before and after; ``None`` where it
    is not among the ranked brokers (or no longer there)."""

    node: str
    name: str
    rank_before: int | None
    rank_after: int | None
    share_before: float | None
    share_after: float | None


@dataclass(frozen=True)
class BrokerageChange:
    """The brokerage between two arenas before and after: connected pairs of actors and the
    brokers of either ranking, the largest share after first."""

    source_arena: str
    target_arena: str
    pairs_before: int
    pairs_after: int
    connected_before: int
    connected_after: int
    brokers: tuple[BrokerShare, ...]


def access_counts(
    G: nx.DiGraph,
    members: Collection[str],
    before: Arenas,
    after: Arenas,
    *,
    arena: str = "leisure",
    reference_year: int | None = None,
) -> tuple[AccessCount, tuple[AccessCount, ...], tuple[AccessCount, ...]]:
    """Members reaching ``arena`` within two hops before and after: overall, per area (most
    members first) and per age band."""
    year = reference_year if reference_year is not None else datetime.date.today().year
    nodes = node_data(G)
    by_area: dict[str, list[str]] = defaultdict(list)
    by_band: dict[str, list[str]] = defaultdict(list)
    for m in members:
        by_area[nodes[m]["area"] or "unknown"].append(m)
        by_band[age_band_of(nodes[m], year) or "unknown"].append(m)

    def count(group: str, label: str, who: Collection[str]) -> AccessCount:
        return AccessCount(
            group=group,
            label=label,
            members=len(who),
            before=sum(1 for m in who if arena in before[m]),
            after=sum(1 for m in who if arena in after[m]),
        )

    areas = [count(a, nodes[a]["name"] if a in nodes else "unknown area", who) for a, who in by_area.items()]
    return (
        count("all", "all members", members),
        tuple(sorted(areas, key=lambda c: (-c.members, c.label))),
        tuple(count(b, b, who) for b, who in sorted(by_band.items())),
    )


def arena_changes(members: Iterable[str], before: Arenas, after: Arenas) -> tuple[ArenaChange, ...]:
    """Per arena that changes for anyone: members gaining and losing it within two hops."""
    gained: dict[str, int] = defaultdict(int)
    lost: dict[str, int] = defaultdict(int)
    for m in members:
        for arena in after[m] - before[m]:
            gained[arena] += 1
        for arena in before[m] - after[m]:
            lost[arena] += 1
    return tuple(
        ArenaChange(arena, gained[arena], lost[arena])
        for arena in ARENA_LABELS["en"]
        if gained[arena] or lost[arena]
    )


def sector_changes(before: Gaps, after: Gaps) -> tuple[SectorChange, ...]:
    """Every expected sector's status before and after."""
    old = {s.sector: s for s in before.sectors.sectors}
    new = {s.sector: s for s in after.sectors.sectors}
    return tuple(
        SectorChange(
            sector=sector,
            before=old[sector].status,
            after=new[sector].status,
            actors_before=old[sector].support_actors,
            actors_after=new[sector].support_actors,
        )
        for sector in before.sectors.expected
        if sector in old and sector in new
    )


def gaps_changed(
    before: Gaps, after: Gaps, removed: Collection[str]
) -> tuple[tuple[AreaGap, ...], tuple[AreaGap, ...], tuple[SchoolGap, ...], tuple[SchoolGap, ...]]:
    """Area gaps closed and opened, schools without leisure closed and opened (a removed
    school closes no gap)."""
    areas_after = {g.area for g in after.area_gaps}
    areas_before = {g.area for g in before.area_gaps}
    schools_after = {s.school for s in after.schools_without_leisure}
    schools_before = {s.school for s in before.schools_without_leisure}
    return (
        tuple(g for g in before.area_gaps if g.area not in areas_after),
        tuple(g for g in after.area_gaps if g.area not in areas_before),
        tuple(
            s
            for s in before.schools_without_leisure
            if s.school not in schools_after and s.school not in removed
        ),
        tuple(s for s in after.schools_without_leisure if s.school not in schools_before),
    )


def failure_changes(
    before: Iterable[SinglePointOfFailure], after: Iterable[SinglePointOfFailure], removed: Collection[str]
) -> tuple[FailureChange, ...]:
    """Actors whose single-point-of-failure count changes, the largest change first (a
    removed actor is left out: it fails nobody any more, it is gone)."""
    old = {s.node: s for s in before}
    new = {s.node: s for s in after}
    found = [
        FailureChange(
            node=node,
            name=(new.get(node) or old[node]).name,
            before=old[node].members_cut_off if node in old else 0,
            after=new[node].members_cut_off if node in new else 0,
        )
        for node in old.keys() | new.keys()
        if node not in removed
    ]
    return tuple(
        sorted(
            (f for f in found if f.before != f.after),
            key=lambda f: (-abs(f.after - f.before), f.name, f.node),
        )
    )


def brokerage_change(before: BrokerRanking, after: BrokerRanking) -> BrokerageChange:
    """Connected pairs and the shares of the brokers ranked before or after."""
    old = {b.node: b for b in before.brokers}
    new = {b.node: b for b in after.brokers}
    shares = [
        BrokerShare(
            node=node,
            name=(new.get(node) or old[node]).name,
            rank_before=old[node].rank if node in old else None,
            rank_after=new[node].rank if node in new else None,
            share_before=old[node].share if node in old else None,
            share_after=new[node].share if node in new else None,
        )
        for node in old.keys() | new.keys()
    ]
    shares.sort(key=lambda b: (-(b.share_after or 0.0), -(b.share_before or 0.0), b.name, b.node))
    return BrokerageChange(
        source_arena=before.source_arena,
        target_arena=before.target_arena,
        pairs_before=before.pairs,
        pairs_after=after.pairs,
        connected_before=before.connected_pairs,
        connected_after=after.connected_pairs,
        brokers=tuple(shares),
    )
