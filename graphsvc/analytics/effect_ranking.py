"""Partner recommendations ranked by their measured effect on the target group.

Today's score (:mod:`~graphsvc.analytics.recommendations`) adds up points for the gaps a
candidate *could* close. The measured effect runs the what-if of recruiting each candidate —
joining the group's initiative and tied to the partner at the head of its introduction path,
exactly as :func:`~graphsvc.analytics.whatif.what_if` plans it — and counts what would change
(:class:`~graphsvc.analytics.effect.Effect`). The order by effect is:

1. members who would reach an arena within two hops that they do not reach now, less those
   who would lose one;
2. gaps closed, less gaps opened;
3. members gaining leisure access, less those losing it;
4. today's order (the score) for the rest.

Each what-if here computes only what the effect reads (:func:`~graphsvc.analytics.effect.gap_parts`),
so twenty candidates of a municipality's largest group are measured in a few seconds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import networkx as nx

from .effect import Effect, effect_of, gap_parts
from .gaps import GapReport
from .recommendations import Recommendation, Recommendations
from .scenario import Recruit, Scenario, plan_scenario
from .statements import Statement, statement
from .whatif import RecruitEffect, arenas_after_plan, arenas_now, changed_graph, recruit_effect
from .whatif_wording import recruit_statement

__all__ = ["EffectRanking", "MeasuredRecruit", "measure_recruit", "order_statement", "rank_by_effect"]


@dataclass(frozen=True)
class MeasuredRecruit:
    """The measured effect of recruiting one recommended candidate; ``score_rank`` is its
    place in today's order."""

    node: str
    score_rank: int
    effect: Effect
    recruit: RecruitEffect
    statement: Statement


@dataclass(frozen=True)
class EffectRanking:
    """Recommendations in the order of their measured effect (``rank`` renumbered), each with
    its measurement, and the statement of which order this is."""

    target_group: str
    recommendations: tuple[Recommendation, ...]
    measured: tuple[MeasuredRecruit, ...]
    order: Statement


def measure_recruit(G: nx.DiGraph, report: GapReport, candidate: str, score_rank: int = 0) -> MeasuredRecruit:
    """The effect of recruiting ``candidate`` as a what-if would plan it (module docstring)."""
    plan = plan_scenario(G, report, Scenario(recruit=(Recruit(candidate),)))
    G2 = changed_graph(G, plan)
    parts = gap_parts(G2, report)
    now = arenas_now(G, report)
    after = arenas_after_plan(G, G2, report, plan)
    effect = effect_of(sorted(now), now, after, report, parts, (), arena=report.focus_arena)
    recruit = recruit_effect(G, G2, plan.recruits[0], now, report, parts)
    return MeasuredRecruit(
        node=candidate,
        score_rank=score_rank,
        effect=effect,
        recruit=recruit,
        statement=recruit_statement(recruit),
    )


def rank_by_effect(G: nx.DiGraph, report: GapReport, found: Recommendations) -> EffectRanking:
    """``found`` (made from ``report`` on ``G``) in the order of measured effect."""
    measured = [measure_recruit(G, report, r.node, r.rank) for r in found.recommendations]
    measured.sort(key=_effect_order)
    by_node = {r.node: r for r in found.recommendations}
    return EffectRanking(
        target_group=found.target_group,
        recommendations=tuple(
            dataclasses.replace(by_node[m.node], rank=rank) for rank, m in enumerate(measured, start=1)
        ),
        measured=tuple(measured),
        order=order_statement("effect"),
    )


def _effect_order(m: MeasuredRecruit) -> tuple[int, int, int, int]:
    e = m.effect
    return (
        -(e.members_reached - e.members_cut_off),
        -(e.gaps_closed - e.gaps_opened),
        -(e.leisure_gained - e.leisure_lost),
        m.score_rank,
    )


def order_statement(order: str) -> Statement:
    """Which of the two orders a list of recommendations is in, in words."""
    if order == "effect":
        return statement(
            "order_effect",
            "ordered by measured effect: first the members who would reach an arena within two hops "
            "that they do not reach now, then the gaps it would close, then today's score.",
            "sorteret efter målt virkning: først de unge i målgruppen, der ville nå en arena inden for "
            "to led, som de ikke når nu, så de huller, den ville lukke, og så dagens point.",
            order=order,
        )
    return statement(
        "order_score",
        "ordered by today's score: points for the gaps each candidate could close, and how warm "
        "the introduction is.",
        "sorteret efter dagens point: point for de huller, hver kandidat kunne lukke, og hvor let "
        "introduktionen er.",
        order=order,
    )
