"""What-ifs, recommendations by measured effect and the weaving list, as the API and the
command line run them.

Nothing here writes: a what-if runs on a copy of the tenant's cached projection
(:mod:`graphsvc.analytics.whatif`), in a worker thread, and its result is kept with the
projection like any analytics result. What a what-if shows is actors, areas and counts, so
every role may run one; an id of a young person or a contact person is "not found", exactly
like an id that does not exist, whoever asks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from graphsvc import analytics as pure
from graphsvc.analytics import Recommendations, Scenario, WeavingList, WhatIf
from graphsvc.analytics.effect_ranking import MeasuredRecruit, order_statement
from graphsvc.analytics.statements import Statement
from graphsvc.domain import Sector
from graphsvc.errors import InvalidInput
from graphsvc.services import analytics
from graphsvc.services.projection import memoised, projection
from graphsvc.services.scope import Scope
from graphsvc.services.weaving_tasks import TaskStatus, TaskView, list_tasks

__all__ = [
    "MAX_CHANGES",
    "MAX_SUGGESTIONS",
    "Order",
    "OrderedRecommendations",
    "WeavingSuggestions",
    "ordered_recommendations",
    "weaving_suggestions",
    "what_if",
]

MAX_CHANGES = 20  # changes in one what-if: more would say nothing a coordinator can follow
MAX_SUGGESTIONS = 200
Order = Literal["score", "effect"]


async def what_if(
    scope: Scope,
    target_group: str,
    scenario: Scenario,
    *,
    hops: int = 2,
    expected_sectors: Iterable[Sector] | None = None,
    brokers: bool = True,
) -> WhatIf:
    """The gap report (and the school→leisure brokers) of ``target_group`` as they would be
    after ``scenario``, and the difference (see :func:`graphsvc.analytics.what_if`)."""
    if not 1 <= scenario.size <= MAX_CHANGES:
        raise InvalidInput(f"a what-if names 1 to {MAX_CHANGES} changes, not {scenario.size}")
    expected = analytics.expected_values(expected_sectors)
    report = await analytics.gaps(scope, target_group, hops=hops, expected_sectors=expected_sectors)
    ranking = await analytics.brokers(scope) if brokers else None
    p = await projection(scope)
    key = ("whatif", target_group, hops, expected, scenario, brokers)
    return await memoised(
        p,
        key,
        lambda G: pure.what_if(
            G,
            target_group,
            scenario,
            hops=hops,
            expected_sectors=expected,
            before=report,
            brokers=brokers,
            brokers_before=ranking,
        ),
    )


@dataclass(frozen=True)
class OrderedRecommendations:
    """Recommendations in the order asked for (``rank`` renumbered), the statement of which
    order that is, and each candidate's measured effect by id (only in the effect order)."""

    found: Recommendations
    order: Order
    statement: Statement
    measured: dict[str, MeasuredRecruit]


async def ordered_recommendations(
    scope: Scope,
    target_group: str,
    *,
    top: int = 20,
    hops: int = 2,
    expected_sectors: Iterable[Sector] | None = None,
    order: Order = "score",
) -> OrderedRecommendations:
    """The recommendations for ``target_group`` in today's order (``"score"``) or by their
    measured effect (``"effect"``; see :mod:`graphsvc.analytics.effect_ranking`)."""
    if order not in ("score", "effect"):
        raise InvalidInput(f"order: score or effect, not {str(order)[:20]!r}")
    found = await analytics.recommendations(
        scope, target_group, top=top, hops=hops, expected_sectors=expected_sectors
    )
    if order == "score":
        return OrderedRecommendations(found, order, order_statement(order), {})
    report = await analytics.gaps(scope, target_group, hops=hops, expected_sectors=expected_sectors)
    p = await projection(scope)
    key = ("measured_recruits", target_group, hops, analytics.expected_values(expected_sectors), top)
    # Kept by candidate only: what the caller may see of each recommendation is its own.
    measured = await memoised(p, key, lambda G: pure.rank_by_effect(G, report, found).measured)
    by_node = {r.node: r for r in found.recommendations}
    ranked = tuple(dataclasses.replace(by_node[m.node], rank=i) for i, m in enumerate(measured, start=1))
    return OrderedRecommendations(
        dataclasses.replace(found, recommendations=ranked),
        order,
        order_statement(order),
        {m.node: m for m in measured},
    )


@dataclass(frozen=True)
class WeavingSuggestions:
    """The weaving list, with the open task (one the caller may see) of each suggested pair
    that has one."""

    found: WeavingList
    tasks: dict[frozenset[str], TaskView]


async def weaving_suggestions(
    scope: Scope, target_group: str, *, top: int = 20, hops: int = 2
) -> WeavingSuggestions:
    """Introductions to suggest around ``target_group`` (see :mod:`graphsvc.analytics.weaving`)."""
    if not 1 <= top <= MAX_SUGGESTIONS:
        raise InvalidInput(f"top: 1 to {MAX_SUGGESTIONS}, not {top}")
    report = await analytics.gaps(scope, target_group, hops=hops)
    p = await projection(scope)
    found = await memoised(
        p, ("weaving", target_group, hops, top), lambda G: pure.weaving_list(G, report, top=top)
    )
    tasks = {
        frozenset((v.task.first, v.task.second)): v
        for v in await list_tasks(scope)
        if v.task.status is not TaskStatus.DROPPED
    }
    pairs = {frozenset((s.first.node, s.second.node)) for s in found.suggestions}
    return WeavingSuggestions(found, {pair: view for pair, view in tasks.items() if pair in pairs})
