"""What if: the gap report and the broker ranking as they would be after a change, and the
difference, before anyone is asked.

:func:`what_if` plans a :class:`~graphsvc.analytics.scenario.Scenario` (recruit candidates,
add or remove ties, lose actors), applies it to a copy of the projection
(:mod:`~graphsvc.analytics.graph_fork`; the projection is never changed), computes the gap
report (:func:`~graphsvc.analytics.gaps.gap_report`) and the school→leisure broker ranking
(:func:`~graphsvc.analytics.brokers.rank_brokers`) on the copy exactly as on any projection,
and tells the two moments apart (:mod:`~graphsvc.analytics.whatif_difference`), each
difference with a sentence in English and Danish (:mod:`~graphsvc.analytics.whatif_wording`).

For each recruit it also counts the **members it would reach**: members within two hops of it
after the change (tied to it, or to an actor tied to it) who do not reach an actor of its
arenas within two hops now — "would give 3 more members in Vestby a leisure or work actor
within two hops".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .arena_access import changed_member_arenas, member_arenas
from .brokers import BrokerRanking, rank_brokers
from .effect import Effect, effect_of
from .engines import Engine
from .gaps import DEFAULT_EXPECTED_SECTORS, GapReport, gap_report
from .graph_fork import forked
from .projection import cached, node_data
from .reach import AreaGap, SchoolGap, SinglePointOfFailure, single_points_of_failure
from .recruits import RecruitEffect, recruit_effect
from .scenario import Plan, Scenario, plan_scenario
from .statements import Statement
from .whatif_difference import (
    AccessCount,
    ArenaChange,
    BrokerageChange,
    FailureChange,
    SectorChange,
    access_counts,
    arena_changes,
    brokerage_change,
    failure_changes,
    gaps_changed,
    sector_changes,
)
from .whatif_wording import whatif_statements

__all__ = [
    "RecruitEffect",
    "WhatIf",
    "arenas_after_plan",
    "arenas_now",
    "changed_graph",
    "recruit_effect",
    "what_if",
]


@dataclass(frozen=True)
class WhatIf:
    """A change and what it would change for one target group (see the module docstring and
    :mod:`~graphsvc.analytics.whatif_difference` for every definition).

    ``names`` names every actor and initiative the plan names. ``leisure_gained_members``
    and ``leisure_lost_members`` are the ids of the members who would gain or lose leisure
    access (for the analytics' own use: like the gap report's member ids they are never shown
    to anyone). ``before`` and ``after`` are the complete gap reports; ``brokers_after`` the
    broker ranking after the change (``None`` when brokers were not asked for, as in a ranking
    of many changes). ``statements`` say it all in sentences, the recruits first.
    """

    target_group: str
    name: str
    focus_arena: str
    hops: int
    plan: Plan
    names: Mapping[str, str]
    members: int
    leisure_access: AccessCount
    leisure_access_by_area: tuple[AccessCount, ...]
    leisure_access_by_age_band: tuple[AccessCount, ...]
    arenas: tuple[ArenaChange, ...]
    sectors: tuple[SectorChange, ...]
    area_gaps_closed: tuple[AreaGap, ...]
    area_gaps_opened: tuple[AreaGap, ...]
    schools_closed: tuple[SchoolGap, ...]
    schools_opened: tuple[SchoolGap, ...]
    schools_still: int
    single_points_of_failure: tuple[FailureChange, ...]
    brokerage: BrokerageChange | None
    recruits: tuple[RecruitEffect, ...]
    effect: Effect
    leisure_gained_members: frozenset[str]
    leisure_lost_members: frozenset[str]
    statements: tuple[Statement, ...]
    before: GapReport
    after: GapReport
    brokers_after: BrokerRanking | None


def changed_graph(G: nx.DiGraph, plan: Plan) -> nx.DiGraph:
    """The projection ``G`` as it would be after ``plan``: a copy, ``G`` is not touched."""
    return forked(
        G,
        actors_removed=plan.actors_removed,
        pairs_removed=plan.ties_removed,
        ties_added=[
            *((a, b, "COLLABORATES_WITH", None) for a, b in plan.ties_added),
            *((a, i, "PARTICIPATES_IN", "partner") for a, i in plan.participations),
        ],
    )


def arenas_now(G: nx.DiGraph, report: GapReport) -> dict[str, frozenset[str]]:
    """The arenas each member of ``report``'s group reaches within two hops on ``G`` (kept
    with the projection: every what-if of the group starts from them)."""
    members = report.members.members
    return cached(G, ("member_arenas", members), lambda: member_arenas(G, sorted(members)))


def arenas_after_plan(
    G: nx.DiGraph, G2: nx.DiGraph, report: GapReport, plan: Plan
) -> dict[str, frozenset[str]]:
    """The members' arenas on ``G2``, the changed copy of ``G`` (counting again only the
    members the change reaches)."""
    return changed_member_arenas(
        G,
        G2,
        arenas_now(G, report),
        actors_removed=plan.actors_removed,
        pairs_changed=(*plan.ties_added, *plan.ties_removed),
    )


def _failures(G: nx.DiGraph, members: list[str], focus: str) -> list[SinglePointOfFailure]:
    return single_points_of_failure(G, members, focus_arena=focus)[0]


def what_if(
    G: nx.DiGraph,
    target_group: str,
    scenario: Scenario,
    *,
    hops: int = 2,
    expected_sectors: tuple[str, ...] = DEFAULT_EXPECTED_SECTORS,
    before: GapReport | None = None,
    brokers: bool = True,
    brokers_before: BrokerRanking | None = None,
    seed: int = 0,
    reference_year: int | None = None,
    engine: Engine = "auto",
) -> WhatIf:
    """The gap report and broker ranking of ``target_group`` after ``scenario``, and the
    difference (module docstring).

    Parameters
    ----------
    G : nx.DiGraph
        A projection; it is read, never changed.
    target_group : str
        The target group's id.
    scenario : Scenario
        The change (see :mod:`~graphsvc.analytics.scenario`).
    hops, expected_sectors, seed, reference_year, engine
        As for :func:`~graphsvc.analytics.gaps.gap_report`; the same for both reports.
    before : GapReport, optional
        The report now, when already computed with the same options.
    brokers : bool
        Whether to rank the school→leisure brokers before and after (``brokers_before``: the
        ranking now, when already computed).
    """
    options = {
        "hops": hops,
        "expected_sectors": expected_sectors,
        "seed": seed,
        "reference_year": reference_year,
        "engine": engine,
    }
    if before is None:
        before = gap_report(G, target_group, **options)  # type: ignore[arg-type]
    plan = plan_scenario(G, before, scenario)
    G2 = changed_graph(G, plan)
    after = gap_report(G2, target_group, **options)  # type: ignore[arg-type]
    members = sorted(before.members.members)
    arenas_before, arenas_after = arenas_now(G, before), arenas_after_plan(G, G2, before, plan)
    removed = frozenset(plan.actors_removed)
    focus = before.focus_arena
    overall, by_area, by_band = access_counts(
        G, members, arenas_before, arenas_after, arena=focus, reference_year=reference_year
    )
    areas_closed, areas_opened, schools_closed, schools_opened = gaps_changed(before, after, removed)
    brokerage = None
    ranking_after = None
    if brokers:
        ranking_before = brokers_before or rank_brokers(G, engine=engine)
        ranking_after = rank_brokers(G2, engine=engine)
        brokerage = brokerage_change(ranking_before, ranking_after)
    result = WhatIf(
        target_group=target_group,
        name=before.name,
        focus_arena=focus,
        hops=hops,
        plan=plan,
        names=_names(G, plan),
        members=len(members),
        leisure_access=overall,
        leisure_access_by_area=by_area,
        leisure_access_by_age_band=by_band,
        arenas=arena_changes(members, arenas_before, arenas_after),
        sectors=sector_changes(before, after),
        area_gaps_closed=areas_closed,
        area_gaps_opened=areas_opened,
        schools_closed=schools_closed,
        schools_opened=schools_opened,
        schools_still=len(after.schools_without_leisure),
        single_points_of_failure=failure_changes(
            cached(G, ("failures", before.members.members, focus), lambda: _failures(G, members, focus)),
            _failures(G2, members, focus),
            removed,
        ),
        brokerage=brokerage,
        recruits=tuple(recruit_effect(G, G2, r, arenas_before, before, after) for r in plan.recruits),
        effect=effect_of(members, arenas_before, arenas_after, before, after, removed, arena=focus),
        leisure_gained_members=frozenset(
            m for m in members if focus in arenas_after[m] and focus not in arenas_before[m]
        ),
        leisure_lost_members=frozenset(
            m for m in members if focus in arenas_before[m] and focus not in arenas_after[m]
        ),
        statements=(),
        before=before,
        after=after,
        brokers_after=ranking_after,
    )
    return dataclasses.replace(result, statements=whatif_statements(result, node_data(G)))


def _names(G: nx.DiGraph, plan: Plan) -> dict[str, str]:
    nodes = node_data(G)
    named = {
        *plan.actors_removed,
        *(n for pair in (*plan.ties_added, *plan.ties_removed, *plan.participations) for n in pair),
    }
    return {n: str(nodes[n]["name"]) for n in sorted(named)}
