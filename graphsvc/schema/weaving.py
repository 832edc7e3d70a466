"""Network weaving from GraphQL: suggested introductions, their follow-up tasks, the check of
introduced pairs and the progress per quarter.

Reading suggestions, tasks and progress is open to every user of the tenant (a task naming a
contact person is hidden from viewers, like the person); changing tasks and checking needs a
coordinator, and so does the list of users a task may be assigned to.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc.errors import InvalidInput, NotFound
from graphsvc.schema.analytics import Hops, TargetGroupId, Tenant
from graphsvc.schema.context import Context
from graphsvc.schema.errors import ConflictError, DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.schema.users import UserRole
from graphsvc.schema.weaving_types import (
    IntroductionCheck,
    TaskStatus,
    WeavingList,
    WeavingProgress,
    WeavingTask,
)
from graphsvc.services import weaving_checks, weaving_progress, weaving_tasks, whatif
from graphsvc.services.weaving_tasks import TaskStatus as DomainTaskStatus
from graphsvc.services.weaving_tasks import TaskView

__all__ = ["WeavingMutation", "WeavingQuery"]


@strawberry.input(description="A new follow-up task for an introduction.")
class WeavingTaskInput:
    first_id: strawberry.ID = strawberry.field(description="One actor to introduce.")
    second_id: strawberry.ID = strawberry.field(description="The other.")
    introducer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who introduces them: an actor, or a contact person."
    )
    target_group_id: strawberry.ID | None = strawberry.field(
        default=None, description="The target group it is for."
    )
    assigned_to: str | None = strawberry.field(
        default=None, description="A coordinator's or admin's user name."
    )
    due_on: datetime.date | None = strawberry.field(default=None, description="By when.")
    status: TaskStatus = strawberry.field(  # type: ignore[valid-type]
        default=DomainTaskStatus.PROPOSED, description="Where it stands (default: proposed)."
    )
    note: str = strawberry.field(default="", description="A note (never about a young person).")
    introduced_on: datetime.date | None = strawberry.field(
        default=None, description="When they were introduced (default: the day the status says so)."
    )

    def fields(self) -> dict[str, Any]:
        return {
            "first": str(self.first_id),
            "second": str(self.second_id),
            "introducer": None if self.introducer_id is None else str(self.introducer_id),
            "target_group": None if self.target_group_id is None else str(self.target_group_id),
            "assigned_to": self.assigned_to,
            "due_on": self.due_on,
            "status": self.status,
            "note": self.note,
            "introduced_on": self.introduced_on,
        }


@strawberry.input(description="Changes to a task: a field left out is kept, a field set to null is cleared.")
class WeavingTaskChanges:
    introducer_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Who introduces them."
    )
    target_group_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The target group."
    )
    assigned_to: str | None = strawberry.field(
        default=strawberry.UNSET, description="The user who follows it up."
    )
    due_on: datetime.date | None = strawberry.field(default=strawberry.UNSET, description="By when.")
    status: TaskStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="Where it stands."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="The note.")
    introduced_on: datetime.date | None = strawberry.field(
        default=strawberry.UNSET, description="When they were introduced."
    )

    def changes(self) -> dict[str, Any]:
        given = {
            "introducer": self.introducer_id,
            "target_group": self.target_group_id,
            "assigned_to": self.assigned_to,
            "due_on": self.due_on,
            "status": self.status,
            "note": self.note,
            "introduced_on": self.introduced_on,
        }
        found = {k: v for k, v in given.items() if v is not strawberry.UNSET}
        for key in ("introducer", "target_group"):
            if found.get(key) is not None:
                found[key] = str(found[key])
        if "status" in found and found["status"] is None:
            raise InvalidInput("status: a task always has a status")
        return found


@strawberry.type(description="A user a task may be assigned to.")
class Assignee:
    name: str = strawberry.field(description="The user's name.")
    role: UserRole = strawberry.field(description="Coordinator or admin.")  # type: ignore[valid-type]


@strawberry.type(description="A follow-up task was deleted.")
class DeletedWeavingTask:
    id: strawberry.ID = strawberry.field(description="The deleted task.")


TaskResult = Annotated[
    WeavingTask | InvalidInputError | NotFoundError | DuplicateError | ConflictError,
    strawberry.union("WeavingTaskResult", description="The task as saved, or why nothing was saved."),
]
DeleteTaskResult = Annotated[
    DeletedWeavingTask | NotFoundError,
    strawberry.union("DeleteWeavingTaskResult", description="What was deleted, or why nothing was."),
]


def _task(found: Any) -> Any:
    return WeavingTask.from_domain(found) if isinstance(found, TaskView) else found


@strawberry.type
class WeavingQuery:
    @strawberry.field(
        description="Introductions to suggest around a target group: pairs of actors who share a "
        "partner but have no tie, school ↔ leisure first, then across sectors and around the "
        "members; each with who can introduce them, why, and the expected effect."
    )
    async def weaving_suggestions(
        self,
        info: Info[Context, None],
        target_group_id: TargetGroupId,
        top: Annotated[int, strawberry.argument(description="How many, 1-200.")] = 20,
        hops: Hops = 2,
        tenant: Tenant = None,
    ) -> WeavingList:
        ctx = info.context
        found = await whatif.weaving_suggestions(ctx.scope(tenant), target_group_id, top=top, hops=hops)
        return WeavingList.from_domain(found)

    @strawberry.field(description="The follow-up tasks of introductions, oldest first.")
    async def weaving_tasks(
        self,
        info: Info[Context, None],
        status: Annotated[
            list[TaskStatus] | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only tasks with one of these statuses."),
        ] = None,
        target_group_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only tasks for this target group.")
        ] = None,
        tenant: Tenant = None,
    ) -> list[WeavingTask]:
        views = await weaving_tasks.list_tasks(info.context.scope(tenant))
        return [
            WeavingTask.from_domain(v)
            for v in views
            if (status is None or v.task.status in status)
            and (target_group_id is None or v.task.target_group == target_group_id)
        ]

    @strawberry.field(description="One follow-up task by id; null when there is none (for the caller).")
    async def weaving_task(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> WeavingTask | None:
        try:
            return WeavingTask.from_domain(await weaving_tasks.get_task(info.context.scope(tenant), id))
        except NotFound:
            return None

    @strawberry.field(description="How many introductions became collaborations, per quarter.")
    async def weaving_progress(self, info: Info[Context, None], tenant: Tenant = None) -> WeavingProgress:
        return WeavingProgress.from_domain(await weaving_progress.progress(info.context.scope(tenant)))

    @strawberry.field(description="Coordinators: the users a follow-up task may be assigned to.")
    async def weaving_assignees(self, info: Info[Context, None], tenant: Tenant = None) -> list[Assignee]:
        found = await weaving_tasks.assignees(info.context.scope(tenant))
        return [Assignee(name=name, role=role) for name, role in found]


@strawberry.type
class WeavingMutation:
    @strawberry.mutation(
        description="Turn a suggested introduction into a follow-up task. Coordinators only; "
        "a task never names a young person."
    )
    async def create_weaving_task(
        self, info: Info[Context, None], input: WeavingTaskInput, tenant: Tenant = None
    ) -> TaskResult:
        return _task(await attempt(weaving_tasks.create_task(info.context.scope(tenant), input.fields())))

    @strawberry.mutation(description="Change a follow-up task (its status, say). Coordinators only.")
    async def update_weaving_task(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        changes: WeavingTaskChanges,
        expected_version: Annotated[
            int | None, strawberry.argument(description="The version read: refused if it changed since.")
        ] = None,
        tenant: Tenant = None,
    ) -> TaskResult:
        scope = info.context.scope(tenant)

        async def change() -> TaskView:
            return await weaving_tasks.update_task(
                scope, id, changes.changes(), expected_version=expected_version
            )

        return _task(await attempt(change()))

    @strawberry.mutation(description="Delete a follow-up task. Coordinators only.")
    async def delete_weaving_task(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> DeleteTaskResult:
        gone = await attempt(weaving_tasks.delete_task(info.context.scope(tenant), id))
        return (
            DeletedWeavingTask(id=strawberry.ID(gone.id))
            if isinstance(gone, weaving_tasks.WeavingTask)
            else gone
        )

    @strawberry.mutation(
        description="Check every introduced pair against the network now: a task whose two actors "
        "have a tie moves to collaborating. (Taking a snapshot checks against it by itself.) "
        "Coordinators only."
    )
    async def check_introductions(
        self, info: Info[Context, None], tenant: Tenant = None
    ) -> IntroductionCheck:
        return IntroductionCheck.from_domain(await weaving_checks.check_now(info.context.scope(tenant)))
