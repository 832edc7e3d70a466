"""Did an introduction become a collaboration? Checking the introduced pairs for a tie.

A task whose status is *introduced* or *meeting held* is checked: when the network holds a tie
of any type between its two actors (a collaboration, a referral, funding, either way), the
task moves to *collaborating*, noting the day and the moment the tie was seen — a snapshot
(its id) or the network as it is (``"now"``). Tasks still *proposed*, already *collaborating*
or *dropped* are left as they are.

A check runs by itself after every snapshot (:func:`check_snapshot`, called by
:func:`graphsvc.services.snapshots.create_snapshot`), against the partnership the snapshot
holds, and on demand against the network now (:func:`check_now`). Each moved task is audited.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graphsvc.analytics.scenario import tied
from graphsvc.auth import Role
from graphsvc.db.weaving_tasks import Outcome, TaskStatus, WeavingTask, WeavingTaskRepository
from graphsvc.domain import Network
from graphsvc.services.projection import projection
from graphsvc.services.scope import Scope
from graphsvc.services.weaving_tasks import TaskView, today, views_of

__all__ = ["CHECKED", "NOW", "IntroductionCheck", "check_now", "check_snapshot"]

NOW = "now"
Tied = Callable[[str, str], bool]  # whether two actors have a tie at the moment checked
CHECKED = frozenset({TaskStatus.INTRODUCED, TaskStatus.MEETING_HELD})


@dataclass(frozen=True)
class IntroductionCheck:
    """A check: against which moment and day, how many introductions were checked, and the
    tasks it moved to *collaborating* (those the caller may see)."""

    moment: str
    day: datetime.date
    checked: int
    collaborating: tuple[TaskView, ...]


async def check_now(scope: Scope) -> IntroductionCheck:
    """Check every introduced pair against the network as it is now."""
    scope.require(Role.COORDINATOR)
    graph = (await projection(scope)).graph
    return await _check(scope, lambda a, b: tied(graph, a, b), moment=NOW, day=today())


async def check_snapshot(
    scope: Scope, snapshot_id: str, day: datetime.date, network: Network
) -> IntroductionCheck:
    """Check every introduced pair against the partnership of the snapshot just taken."""
    pairs = {frozenset((t.source, t.target)) for t in network.ties}
    return await _check(scope, lambda a, b: frozenset((a, b)) in pairs, moment=snapshot_id, day=day)


async def _check(scope: Scope, is_tied: Tied, *, moment: str, day: datetime.date) -> IntroductionCheck:
    principal = scope.require(Role.COORDINATOR)
    repository = WeavingTaskRepository(scope.store)
    open_tasks = [t for t in await repository.all(scope.tenant) if t.status in CHECKED]
    outcomes = [_outcome(t, is_tied(t.first, t.second), moment, day) for t in open_tasks]
    after = await repository.record_outcomes(scope.tenant, outcomes, principal.name)
    moved = _moved(open_tasks, after)
    return IntroductionCheck(
        moment=moment, day=day, checked=len(open_tasks), collaborating=tuple(await views_of(scope, moved))
    )


def _outcome(task: WeavingTask, found: bool, moment: str, day: datetime.date) -> Outcome:
    if found:
        return Outcome(task.id, TaskStatus.COLLABORATING, day, moment)
    return Outcome(task.id, task.status, None, None)


def _moved(before: Iterable[WeavingTask], after: Iterable[WeavingTask]) -> list[WeavingTask]:
    was = {t.id: t.status for t in before}
    return [t for t in after if was.get(t.id) is not t.status]
