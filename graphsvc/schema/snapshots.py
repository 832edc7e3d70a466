"""Snapshots from GraphQL: list them, compare two (or one with now), take one, delete one.

Taking and deleting a snapshot needs a coordinator; listing and comparing show actors, ties and
aggregate measures only, so every user of the tenant may.
"""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.schema.snapshot_types import Snapshot, SnapshotComparison
from graphsvc.services import snapshots as service

__all__ = ["SnapshotMutation", "SnapshotQuery"]

Tenant = Annotated[str | None, strawberry.argument(description="The tenant; default: the caller's.")]
Ref = 'A snapshot\'s id or name, or "now" for the network as it is.'


@strawberry.type(description="A snapshot was deleted.")
class DeletedSnapshot:
    id: strawberry.ID = strawberry.field(description="The deleted snapshot.")
    name: str = strawberry.field(description="Its name.")


CreateSnapshotResult = Annotated[
    Snapshot | InvalidInputError | DuplicateError,
    strawberry.union("CreateSnapshotResult", description="The snapshot taken, or why none was."),
]
DeleteSnapshotResult = Annotated[
    DeletedSnapshot | NotFoundError,
    strawberry.union("DeleteSnapshotResult", description="What was deleted, or why nothing was."),
]


@strawberry.type
class SnapshotQuery:
    @strawberry.field(description="The tenant's snapshots, oldest first, with their measures.")
    async def snapshots(self, info: Info[Context, None], tenant: Tenant = None) -> list[Snapshot]:
        ctx = info.context
        return [Snapshot.from_domain(s) for s in await service.list_snapshots(ctx.scope(tenant))]

    @strawberry.field(
        description="What changed between two snapshots (or a snapshot and now): "
        "partners and ties gained and lost, by sector and arena, and the change "
        "in every network-health measure."
    )
    async def snapshot_comparison(
        self,
        info: Info[Context, None],
        from_: Annotated[str, strawberry.argument(name="from", description=Ref)],
        to: Annotated[str, strawberry.argument(description=Ref)] = service.NOW,
        tenant: Tenant = None,
    ) -> SnapshotComparison:
        ctx = info.context
        result = await service.compare(ctx.scope(tenant), from_, to)
        return SnapshotComparison.from_domain(result)


@strawberry.type
class SnapshotMutation:
    @strawberry.mutation(
        description="Take a named, dated snapshot of the network as it is now: "
        "its partnership (no young person, no contact person) and its health "
        "measures. Coordinators only."
    )
    async def create_snapshot(
        self,
        info: Info[Context, None],
        name: Annotated[str, strawberry.argument(description='E.g. "Kick-off 2026".')],
        taken_on: Annotated[
            datetime.date | None, strawberry.argument(description="The day it stands for (default: today).")
        ] = None,
        tenant: Tenant = None,
    ) -> CreateSnapshotResult:
        ctx = info.context
        found = await attempt(service.create_snapshot(ctx.scope(tenant), name, taken_on=taken_on))
        return Snapshot.from_domain(found) if isinstance(found, service.Snapshot) else found

    @strawberry.mutation(description="Delete a snapshot. Coordinators only.")
    async def delete_snapshot(
        self,
        info: Info[Context, None],
        id: Annotated[str, strawberry.argument(description="The snapshot's id or name.")],
        tenant: Tenant = None,
    ) -> DeleteSnapshotResult:
        ctx = info.context
        gone = await attempt(service.delete_snapshot(ctx.scope(tenant), id))
        if isinstance(gone, service.Snapshot):
            return DeletedSnapshot(id=strawberry.ID(gone.id), name=gone.name)
        return gone  # type: ignore[no-any-return]
