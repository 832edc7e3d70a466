"""``connectTies``: several ties in one change, all stored or none."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.schema.errors import InvalidInputError, attempt
from graphsvc.schema.mutations import TieInput
from graphsvc.services import tie_batches

__all__ = ["TieBatchMutation", "TiesConnected"]


@strawberry.type(description="Every tie of the batch was stored.")
class TiesConnected:
    created: int = strawberry.field(description="Ties that are new.")
    updated: int = strawberry.field(description="Ties that existed; their properties were replaced.")


ConnectTiesResult = Annotated[
    TiesConnected | InvalidInputError,
    strawberry.union(
        "ConnectTiesResult", description="The counts, or every problem of the batch (nothing was stored)."
    ),
]


def _fields(data: TieInput) -> dict[str, Any]:
    return {
        "type": data.type.value,
        "source": data.source_id,
        "target": data.target_id,
        "strength": data.strength,
        "since": data.since,
        "frequency": data.frequency.value if data.frequency else None,
        "role": data.role.value if data.role else None,
    }


@strawberry.type
class TieBatchMutation:
    @strawberry.mutation(
        description=(
            f"Create up to {tie_batches.MAX_TIES} ties at once, or replace the properties of existing "
            "ones: all of them are stored, or none, and every problem is listed."
        )
    )
    async def connect_ties(
        self,
        info: Info[Context, None],
        input: Annotated[list[TieInput], strawberry.argument(description="The ties.")],
        tenant: Annotated[str | None, strawberry.argument(description="The tenant.")] = None,
    ) -> ConnectTiesResult:
        async def work() -> TiesConnected:
            ctx = info.context
            result = await tie_batches.connect_all(ctx.scope(tenant), [_fields(t) for t in input])
            return TiesConnected(created=result.created, updated=result.updated)

        return await attempt(work())  # type: ignore[no-any-return]
