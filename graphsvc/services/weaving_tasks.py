"""Follow-up tasks of network weaving: a suggested introduction turned into work for someone.

A task names the two actors to introduce, optionally who introduces them (an actor, or a
contact person), the target group it is for, the user it is assigned to, a due date, a status
(proposed → introduced → meeting held → collaborating, or dropped) and a note. Changing tasks
needs a coordinator; every change is audited (:mod:`graphsvc.db.weaving_tasks`).

Privacy (:mod:`graphsvc.services.audience`): a task never holds a young person — neither as
one of its actors or its introducer, nor in its note (a young person's pseudonym or id is
refused). A task naming a contact person — as its introducer, or by name, e-mail or phone in
its note — is hidden from viewers exactly like the person: not listed, "not found" by id.
"""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from graphsvc.auth import Role, users
from graphsvc.db.weaving_tasks import TaskStatus, WeavingTask, WeavingTaskRepository
from graphsvc.domain import ACTOR_KINDS, Kind
from graphsvc.errors import Duplicate, InvalidInput, NotFound, Problem
from graphsvc.services.named_people import PeopleTerms, people_terms
from graphsvc.services.projection import projection
from graphsvc.services.scope import Scope

__all__ = [
    "INTRODUCED",
    "MAX_NOTE",
    "TaskStatus",
    "TaskView",
    "WeavingTask",
    "assignees",
    "create_task",
    "delete_task",
    "get_task",
    "list_tasks",
    "today",
    "update_task",
    "views_of",
]

MAX_NOTE = 2000
INTRODUCED = frozenset({TaskStatus.INTRODUCED, TaskStatus.MEETING_HELD, TaskStatus.COLLABORATING})
_FIELDS = (
    "first",
    "second",
    "introducer",
    "target_group",
    "assigned_to",
    "due_on",
    "status",
    "note",
    "introduced_on",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_EARLIEST, _LATEST = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)
_DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class TaskView:
    """A task with the current names of what it names (``None`` for a node since deleted)."""

    task: WeavingTask
    first_name: str | None
    second_name: str | None
    introducer_name: str | None
    introducer_kind: Kind | None
    target_group_name: str | None


def today() -> datetime.date:
    """The day in Denmark, where the tasks' due dates and quarters are counted."""
    return datetime.datetime.now(_DANISH_TIME).date()


async def list_tasks(scope: Scope) -> list[TaskView]:
    """The tenant's tasks the caller may see, oldest first."""
    return await views_of(scope, await WeavingTaskRepository(scope.store).all(scope.tenant))


async def get_task(scope: Scope, task_id: str) -> TaskView:
    found = await views_of(scope, [await WeavingTaskRepository(scope.store).get(scope.tenant, task_id)])
    if not found:  # a task the caller may not see is not there, as a person is not
        raise NotFound(f"there is no weaving task {task_id!r} in tenant {scope.tenant!r}")
    return found[0]


async def views_of(scope: Scope, tasks: Iterable[WeavingTask]) -> list[TaskView]:
    """``tasks`` with their names, less those the caller's audience may not see."""
    graph = (await projection(scope)).graph
    terms = await people_terms(scope)
    nodes: dict[str, dict[str, Any]] = graph._node
    views = []
    for task in tasks:
        if not scope.audience.shows_all(_named_kinds(task, nodes, terms)):
            continue
        introducer = nodes.get(task.introducer or "")
        views.append(
            TaskView(
                task=task,
                first_name=_name(nodes, task.first),
                second_name=_name(nodes, task.second),
                introducer_name=_name(nodes, task.introducer),
                introducer_kind=Kind(introducer["kind"]) if introducer else None,
                target_group_name=_name(nodes, task.target_group),
            )
        )
    return views


async def create_task(scope: Scope, fields: dict[str, Any]) -> TaskView:
    """A new task from ``fields`` (``first`` and ``second`` required; the rest as in the
    module docstring). Refused, writing nothing, with every problem named."""
    principal = scope.require(Role.COORDINATOR)
    fields = {k: fields.get(k) for k in _FIELDS}
    fields["status"] = fields["status"] or TaskStatus.PROPOSED
    fields["note"] = fields["note"] or ""
    checked = await _checked(scope, fields)
    repository = WeavingTaskRepository(scope.store)
    pair = {checked["first"], checked["second"]}
    for other in await repository.all(scope.tenant):
        if {other.first, other.second} == pair and other.status is not TaskStatus.DROPPED:
            raise Duplicate(f"there is already a task for this introduction ({other.id}); change that one")
    task_id = f"task-{secrets.token_hex(6)}"
    made = await repository.create(scope.tenant, task_id, _stored(checked), principal.name)
    return (await views_of(scope, [made]))[0]


async def update_task(
    scope: Scope, task_id: str, changes: dict[str, Any], *, expected_version: int | None = None
) -> TaskView:
    """Change the fields ``changes`` names (a ``None`` clears an optional one); with
    ``expected_version``, only if nobody changed the task since."""
    principal = scope.require(Role.COORDINATOR)
    current = (await get_task(scope, task_id)).task
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidInput(f"a task has no field {sorted(unknown)[0]!r}")
    merged = {k: getattr(current, k) for k in _FIELDS} | changes
    merged["status"] = merged["status"] or current.status
    merged["note"] = merged["note"] or ""
    checked = await _checked(scope, merged, keep=current)
    stored = {k: v for k, v in _stored(checked).items() if k in changes or k in ("status", "introduced_on")}
    made = await WeavingTaskRepository(scope.store).update(
        scope.tenant, task_id, stored, expected=expected_version, updated_by=principal.name
    )
    return (await views_of(scope, [made]))[0]


async def delete_task(scope: Scope, task_id: str) -> WeavingTask:
    scope.require(Role.COORDINATOR)
    await get_task(scope, task_id)  # hidden or missing: not found, alike
    return await WeavingTaskRepository(scope.store).delete(scope.tenant, task_id)


async def assignees(scope: Scope) -> list[tuple[str, Role]]:
    """Users of the tenant a task may be assigned to (coordinators and admins), by name."""
    scope.require(Role.COORDINATOR)
    found = await users.list_users(scope.store, scope.tenant)
    return sorted((u.name, u.role) for u in found if u.role.allows(Role.COORDINATOR))


async def _checked(
    scope: Scope, fields: dict[str, Any], *, keep: WeavingTask | None = None
) -> dict[str, Any]:
    """``fields`` checked against the tenant (every problem at once); ``introduced_on`` set
    to today when the status first reaches *introduced* or later."""
    graph = (await projection(scope)).graph
    nodes: dict[str, dict[str, Any]] = graph._node
    problems: list[Problem] = []
    hidden = {k.value for k in scope.audience.hidden_kinds}

    def node(field: str, allowed: frozenset[Kind], what: str) -> None:
        value = fields[field]
        if value is None:
            return
        data = nodes.get(value)
        if data is None or data["kind"] in hidden:
            raise NotFound(f"there is no {what} with id {str(value)[:80]!r} in tenant {scope.tenant!r}")
        if data["kind"] == Kind.YOUNG_PERSON.value:
            problems.append(Problem(field, "a task never names a young person"))
        elif Kind(data["kind"]) not in allowed:
            problems.append(Problem(field, f"{data['name']} is not {what}"))

    if not fields["first"] or not fields["second"]:
        raise InvalidInput("a task names the two actors to introduce: first and second")
    node("first", ACTOR_KINDS, "an actor")
    node("second", ACTOR_KINDS, "an actor")
    node("introducer", ACTOR_KINDS | {Kind.PERSON}, "an actor or contact person")
    node("target_group", frozenset({Kind.TARGET_GROUP}), "a target group")
    if fields["first"] == fields["second"]:
        problems.append(Problem("second", "an actor cannot be introduced to itself"))
    if fields["introducer"] in (fields["first"], fields["second"]):
        problems.append(Problem("introducer", "the introducer is one of the two actors"))
    problems += _checked_note(fields, await people_terms(scope))
    problems += await _checked_assignee(scope, fields["assigned_to"], keep)
    for day_field in ("due_on", "introduced_on"):
        day = fields[day_field]
        if day is not None and not _EARLIEST <= day <= _LATEST:
            problems.append(Problem(day_field, f"between {_EARLIEST} and {_LATEST}, not {day}"))
    try:
        fields["status"] = TaskStatus(fields["status"])
    except ValueError:
        problems.append(Problem("status", f"{str(fields['status'])[:30]!r} is not a status"))
    if problems:
        raise InvalidInput("this task cannot be saved", problems)
    if fields["status"] in INTRODUCED and fields["introduced_on"] is None:
        fields["introduced_on"] = keep.introduced_on if keep and keep.introduced_on else today()
    return fields


def _checked_note(fields: dict[str, Any], terms: PeopleTerms) -> list[Problem]:
    note = fields["note"]
    if not isinstance(note, str):
        return [Problem("note", "a note is text")]
    fields["note"] = note = note.strip()
    if len(note) > MAX_NOTE:
        return [Problem("note", f"at most {MAX_NOTE} characters, not {len(note)}")]
    if _CONTROL.search(note):
        return [Problem("note", "contains control characters")]
    if terms.names(note, Kind.YOUNG_PERSON):
        return [Problem("note", "names a young person: a task never holds a young person")]
    return []


async def _checked_assignee(scope: Scope, name: str | None, keep: WeavingTask | None) -> list[Problem]:
    if name is None or (keep is not None and name == keep.assigned_to):
        return []  # a user since removed stays on the tasks they had
    if name not in {n for n, _ in await assignees(scope)}:
        return [Problem("assigned_to", f"no coordinator or admin of this tenant is called {name[:80]!r}")]
    return []


def _stored(fields: dict[str, Any]) -> dict[str, Any]:
    return dict(fields, status=TaskStatus(fields["status"]).value)


def _named_kinds(task: WeavingTask, nodes: dict[str, dict[str, Any]], terms: PeopleTerms) -> set[Kind]:
    kinds = {Kind(nodes[n]["kind"]) for n in (task.first, task.second, task.introducer) if n in nodes}
    for kind in (Kind.PERSON, Kind.YOUNG_PERSON):
        if terms.names(task.note, kind):
            kinds.add(kind)
    return kinds


def _name(nodes: dict[str, dict[str, Any]], node: str | None) -> str | None:
    data = nodes.get(node or "")
    return None if data is None else str(data["name"])
