"""Counts of what a tenant holds."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.domain import Kind
from graphsvc.schema.context import Context
from graphsvc.schema.enums import NodeKind
from graphsvc.services import overview


@strawberry.type(description="How many nodes of one kind a tenant holds.")
class KindCount:
    kind: NodeKind = strawberry.field(description="The kind of node.")  # type: ignore[valid-type]
    count: int = strawberry.field(description="How many there are.")


def _counts(counts: dict[Kind, int]) -> list[KindCount]:
    return [KindCount(kind=NodeKind(kind.value), count=n) for kind, n in counts.items()]


TenantArg = Annotated[
    str | None,
    strawberry.argument(
        description="The tenant (municipality or initiative); defaults to the request's "
        "X-Graphsvc-Tenant header, then to the server's default tenant."
    ),
]


@strawberry.type
class OverviewQuery:
    @strawberry.field(description="The number of actors of each kind in the tenant.")
    async def actor_counts(self, info: Info[Context, None], tenant: TenantArg = None) -> list[KindCount]:
        ctx = info.context
        return _counts(await overview.count_actors_by_kind(ctx.scope(tenant)))

    @strawberry.field(description="The number of nodes of every kind in the tenant.")
    async def node_counts(self, info: Info[Context, None], tenant: TenantArg = None) -> list[KindCount]:
        ctx = info.context
        return _counts(await overview.count_nodes_by_kind(ctx.scope(tenant)))
