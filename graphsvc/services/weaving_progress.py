"""How many introductions became collaborations, per quarter.

Each task introduced (status *introduced*, *meeting held* or *collaborating*, or *dropped*
after it was introduced) counts in the quarter of the day it was first introduced. Per
quarter: introductions, those that became collaborations, those dropped, those still open,
and the share that became collaborations. Tasks never introduced are counted apart
(``proposed``). Only the tasks the caller may see are counted.

>>> quarter_of(datetime.date(2026, 5, 14))
'2026-Q2'
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graphsvc.analytics.statements import Statement, number, percent_text, statement
from graphsvc.db.weaving_tasks import TaskStatus, WeavingTask
from graphsvc.services.scope import Scope
from graphsvc.services.weaving_tasks import list_tasks

__all__ = ["QuarterProgress", "WeavingProgress", "progress", "progress_of", "quarter_of"]

_OPEN = frozenset({TaskStatus.INTRODUCED, TaskStatus.MEETING_HELD})


@dataclass(frozen=True)
class QuarterProgress:
    """Introductions first made in one quarter (``2026-Q1``) and what became of them."""

    quarter: str
    introduced: int
    collaborating: int
    dropped: int
    open: int

    @property
    def share(self) -> float | None:
        return self.collaborating / self.introduced if self.introduced else None


@dataclass(frozen=True)
class WeavingProgress:
    """Every quarter with introductions, oldest first; tasks not yet introduced; a summary."""

    quarters: tuple[QuarterProgress, ...]
    proposed: int
    tasks: int
    summary: Statement


def quarter_of(day: datetime.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


async def progress(scope: Scope) -> WeavingProgress:
    """The progress of the tasks the caller may see."""
    return progress_of(view.task for view in await list_tasks(scope))


def progress_of(tasks: Iterable[WeavingTask]) -> WeavingProgress:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    proposed = total = 0
    for task in tasks:
        total += 1
        if task.introduced_on is None:
            proposed += 1
            continue
        row = counts[quarter_of(task.introduced_on)]
        row["introduced"] += 1
        row["collaborating"] += task.status is TaskStatus.COLLABORATING
        row["dropped"] += task.status is TaskStatus.DROPPED
        row["open"] += task.status in _OPEN
    quarters = tuple(
        QuarterProgress(q, c["introduced"], c["collaborating"], c["dropped"], c["open"])
        for q, c in sorted(counts.items())
    )
    return WeavingProgress(quarters=quarters, proposed=proposed, tasks=total, summary=_summary(quarters))


def _summary(quarters: tuple[QuarterProgress, ...]) -> Statement:
    introduced = sum(q.introduced for q in quarters)
    together = sum(q.collaborating for q in quarters)
    if not introduced:
        return statement(
            "weaving_progress",
            "no introduction has been made yet.",
            "der er ikke lavet nogen introduktioner endnu.",
            introduced=0,
            collaborating=0,
        )
    share = together / introduced
    return statement(
        "weaving_progress",
        f"{number(introduced, 'en')} {'introduction' if introduced == 1 else 'introductions'} made, "
        f"{number(together, 'en')} of them became {'a collaboration' if together == 1 else 'collaborations'} "
        f"({percent_text(share, 'en')}).",
        f"{number(introduced, 'da')} {'introduktion' if introduced == 1 else 'introduktioner'} lavet, "
        f"{number(together, 'da')} af dem blev til samarbejde ({percent_text(share, 'da')}).",
        introduced=introduced,
        collaborating=together,
        share=share,
    )
