"""A change's effect on a target group in a few numbers, for ranking many changes.

The :class:`Effect` counts the members who would reach an arena within two hops that they do
not reach now (``members_reached``), those who would lose one (``members_cut_off``), the
members gaining and losing leisure access, and the gaps closed and opened: area gaps, schools
without leisure within two hops, and sectors whose status improves (missing →
under-represented → covered) or worsens. Definitions are those of
:mod:`~graphsvc.analytics.whatif_difference`.

A ranking measures twenty changes, so it does not compute whole gap reports: :func:`gap_parts`
computes only the parts an effect reads, with the very functions and options the gap report
uses, and a test holds the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import networkx as nx

from .gaps import GapReport
from .reach import AreaGap, SchoolGap, area_gaps, schools_without_arena
from .support import SectorCoverage, sector_coverage, support_network
from .whatif_difference import Arenas, Gaps, gaps_changed, sector_changes

__all__ = ["Effect", "GapParts", "effect_of", "gap_parts"]

# How badly a sector is missing: a sector gap closes when this falls, opens when it rises.
_LEVEL = {"missing": 2, "under_represented": 1, "covered": 0, "not_expected": 0}


@dataclass(frozen=True)
class Effect:
    """A change's effect on the target group in a few numbers (module docstring)."""

    members_reached: int
    members_cut_off: int
    leisure_gained: int
    leisure_lost: int
    gaps_closed: int
    gaps_opened: int


@dataclass(frozen=True)
class GapParts:
    """Those parts alone, computed as the gap report computes them."""

    sectors: SectorCoverage
    area_gaps: tuple[AreaGap, ...]
    schools_without_leisure: tuple[SchoolGap, ...]


def gap_parts(G: nx.DiGraph, like: GapReport, *, school_arena: str = "school") -> GapParts:
    """The :class:`GapParts` of ``like``'s target group on ``G`` (a changed projection), with
    ``like``'s options: what :func:`~graphsvc.analytics.gaps.gap_report` would find for them,
    at a third of its cost (no reach, single points of failure, silos or E-I index)."""
    members = sorted(like.members.members)
    support = support_network(G, members, hops=like.hops, initiatives=like.initiatives)
    schools = [a.node for a in support.actors if school_arena in a.arenas]
    focus = like.focus_arena
    return GapParts(
        sectors=sector_coverage(
            G, support.ids, expected=like.sectors.expected, under_ratio=like.sectors.under_ratio
        ),
        area_gaps=tuple(area_gaps(G, members, focus_arena=focus)),
        schools_without_leisure=tuple(
            schools_without_arena(G, schools, arena=focus, hops=2, members=members)
        ),
    )


def effect_of(
    members: Iterable[str],
    before_arenas: Arenas,
    after_arenas: Arenas,
    before: Gaps,
    after: Gaps,
    removed: Collection[str],
    *,
    arena: str = "leisure",
) -> Effect:
    """The :class:`Effect` of a change (module docstring)."""
    reached = cut = gained = lost = 0
    for m in members:
        new, old = after_arenas[m], before_arenas[m]
        reached += bool(new - old)
        cut += bool(old - new)
        gained += arena in new and arena not in old
        lost += arena in old and arena not in new
    areas_closed, areas_opened, schools_closed, schools_opened = gaps_changed(before, after, removed)
    sectors = sector_changes(before, after)
    return Effect(
        members_reached=reached,
        members_cut_off=cut,
        leisure_gained=gained,
        leisure_lost=lost,
        gaps_closed=len(areas_closed)
        + len(schools_closed)
        + sum(1 for s in sectors if _LEVEL[s.after] < _LEVEL[s.before]),
        gaps_opened=len(areas_opened)
        + len(schools_opened)
        + sum(1 for s in sectors if _LEVEL[s.after] > _LEVEL[s.before]),
    )
