"""Follow-up tasks of network weaving, kept in Neo4j beside the network (not part of it: no
``Node`` label, so no network query, export or analytics job ever sees them, and a task does
not change the tenant's data version or discard its cached projection).

A task names the two actors to introduce, who introduces them, the target group it is for,
the user it is assigned to, a due date, a status and a note. Every change is written to the
audit log in its own transaction; a backup holds the tasks like everything else of the tenant.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.errors import Conflict, NotFound

__all__ = ["ERASED", "Outcome", "TaskStatus", "WeavingTask", "WeavingTaskRepository", "forget_person"]

ERASED = "[slettet]"  # what an erased person's words in a note become


class TaskStatus(StrEnum):
    """Where an introduction stands."""

    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    MEETING_HELD = "meeting_held"
    COLLABORATING = "collaborating"
    DROPPED = "dropped"


@dataclass(frozen=True)
class WeavingTask:
    """A follow-up task as stored.

    ``introduced_on`` is the day it first reached *introduced* (or a later step);
    ``tie_seen_on`` and ``tie_seen_in`` the day and the moment (a snapshot's id, or ``"now"``)
    a check first saw a tie between the two actors; ``checked_at`` the last check.
    """

    tenant: str
    id: str
    first: str
    second: str
    introducer: str | None
    target_group: str | None
    assigned_to: str | None
    due_on: datetime.date | None
    status: TaskStatus
    note: str
    introduced_on: datetime.date | None
    tie_seen_on: datetime.date | None
    tie_seen_in: str | None
    checked_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    updated_by: str
    updated_at: datetime.datetime
    version: int

    @property
    def record(self) -> dict[str, Any]:
        """What the audit log keeps of it."""
        return {
            "first": self.first,
            "second": self.second,
            "introducer": self.introducer,
            "target_group": self.target_group,
            "assigned_to": self.assigned_to,
            "due_on": self.due_on,
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class Outcome:
    """What a check found for one task: the status it moves to, and where a tie was seen."""

    id: str
    status: TaskStatus
    tie_seen_on: datetime.date | None
    tie_seen_in: str | None


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _task(tenant: str, t: dict[str, Any]) -> WeavingTask:
    return WeavingTask(
        tenant=tenant,
        id=t["id"],
        first=t["first"],
        second=t["second"],
        introducer=t.get("introducer"),
        target_group=t.get("target_group"),
        assigned_to=t.get("assigned_to"),
        due_on=_native(t.get("due_on")),
        status=TaskStatus(t["status"]),
        note=t.get("note") or "",
        introduced_on=_native(t.get("introduced_on")),
        tie_seen_on=_native(t.get("tie_seen_on")),
        tie_seen_in=t.get("tie_seen_in"),
        checked_at=_native(t.get("checked_at")),
        created_by=t["created_by"],
        created_at=_native(t["created_at"]),
        updated_by=t["updated_by"],
        updated_at=_native(t["updated_at"]),
        version=t["version"],
    )


def _subjects(task_id: str, task: dict[str, Any]) -> list[str]:
    """The task and the nodes it names: what the audit log is searched by (``auditLog(nodeId)``),
    and what an erasure of one of them looks for."""
    return [task_id, *(v for v in (task.get("first"), task.get("second"), task.get("introducer")) if v)]


class WeavingTaskRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def create(self, tenant: str, task_id: str, fields: dict[str, Any], created_by: str) -> WeavingTask:
        async def work(tx: AsyncManagedTransaction) -> WeavingTask:
            records = await run(
                tx, "weaving/create_task", tenant=tenant, id=task_id, task=fields, created_by=created_by
            )
            made = _task(tenant, records[0]["task"])
            await audit.record(
                tx,
                tenant,
                "create weaving task",
                task_id,
                subjects=_subjects(task_id, fields),
                after=made.record,
            )
            return made

        return await self.store.write(work)

    async def get(self, tenant: str, task_id: str) -> WeavingTask:
        records = await self.store.query("weaving/get_task", tenant=tenant, id=task_id)
        if not records:
            raise NotFound(f"there is no weaving task {task_id!r} in tenant {tenant!r}")
        return _task(tenant, records[0]["task"])

    async def all(self, tenant: str) -> list[WeavingTask]:
        records = await self.store.query("weaving/list_tasks", tenant=tenant)
        return [_task(tenant, r["task"]) for r in records]

    async def update(
        self, tenant: str, task_id: str, changes: dict[str, Any], *, expected: int | None, updated_by: str
    ) -> WeavingTask:
        """Change a task; :class:`~graphsvc.errors.Conflict` when ``expected`` is not its
        version any more (nothing is changed then)."""

        async def work(tx: AsyncManagedTransaction) -> WeavingTask:
            before = await run(tx, "weaving/get_task", tenant=tenant, id=task_id)
            if not before:
                raise NotFound(f"there is no weaving task {task_id!r} in tenant {tenant!r}")
            records = await run(
                tx,
                "weaving/update_task",
                tenant=tenant,
                id=task_id,
                changes=changes,
                expected=expected,
                updated_by=updated_by,
            )
            now = _task(tenant, records[0]["task"])
            if not records[0]["changed"]:
                raise Conflict(
                    f"{now.updated_by} changed this task after you read it (it is at version {now.version}); "
                    "reload it, or send its version to change it anyway",
                    changed_by=now.updated_by,
                    changed_at=now.updated_at,
                    current_version=now.version,
                )
            old = _task(tenant, before[0]["task"])
            await audit.record(
                tx,
                tenant,
                "change weaving task",
                task_id,
                subjects=_subjects(task_id, before[0]["task"]),
                before=old.record,
                after=now.record,
            )
            return now

        return await self.store.write(work)

    async def delete(self, tenant: str, task_id: str) -> WeavingTask:
        async def work(tx: AsyncManagedTransaction) -> WeavingTask:
            records = await run(tx, "weaving/delete_task", tenant=tenant, id=task_id)
            if not records:
                raise NotFound(f"there is no weaving task {task_id!r} in tenant {tenant!r}")
            gone = _task(tenant, records[0]["task"])
            await audit.record(
                tx,
                tenant,
                "delete weaving task",
                task_id,
                subjects=_subjects(task_id, records[0]["task"]),
                before=gone.record,
            )
            return gone

        return await self.store.write(work)

    async def record_outcomes(
        self, tenant: str, outcomes: list[Outcome], checked_by: str
    ) -> list[WeavingTask]:
        """Note a check on each task; a task whose status moves is audited."""

        async def work(tx: AsyncManagedTransaction) -> list[WeavingTask]:
            if not outcomes:
                return []
            before = {
                t.id: t
                for t in [
                    _task(tenant, r["task"]) for r in await run(tx, "weaving/list_tasks", tenant=tenant)
                ]
            }
            records = await run(
                tx,
                "weaving/record_outcomes",
                tenant=tenant,
                outcomes=[
                    {
                        "id": o.id,
                        "status": o.status.value,
                        "tie_seen_on": o.tie_seen_on,
                        "tie_seen_in": o.tie_seen_in,
                    }
                    for o in outcomes
                ],
                checked_by=checked_by,
            )
            after = [_task(tenant, r["task"]) for r in records]
            for task in after:
                old = before.get(task.id)
                if old is not None and old.status is not task.status:
                    await audit.record(
                        tx,
                        tenant,
                        "check introduction",
                        task.id,
                        subjects=[task.id, task.first, task.second],
                        before={"status": old.status},
                        after={
                            "status": task.status,
                            "tie_seen_on": task.tie_seen_on,
                            "tie_seen_in": task.tie_seen_in,
                        },
                    )
            return after

        return await self.store.write(work)


async def forget_person(tx: AsyncManagedTransaction, tenant: str, person: str, words: Iterable[str]) -> int:
    """Inside an erasure's transaction: the tasks naming ``person`` lose them — no introducer,
    and their ``words`` (name, e-mail, phone, id) in a note blanked. The tasks themselves stay:
    they are about two organisations. Returns how many tasks changed."""
    terms = sorted({w.strip().casefold() for w in words if w and len(w.strip()) >= 3}, key=len, reverse=True)
    found = await run(tx, "weaving/tasks_naming", tenant=tenant, id=person, words=terms)
    for task in found:
        note = task["note"] or ""
        for term in terms:
            note = re.sub(re.escape(term), ERASED, note, flags=re.IGNORECASE)
        await run(
            tx,
            "weaving/forget_person",
            tenant=tenant,
            id=task["id"],
            clear_introducer=task["introducer"] == person,
            note=note,
        )
    return len(found)
