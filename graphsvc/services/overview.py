"""What a tenant holds, in counts: the first thing a coordinator looks at."""

from __future__ import annotations

from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import ACTOR_KINDS, Kind
from graphsvc.services.scope import Scope

__all__ = ["count_actors_by_kind", "count_nodes_by_kind"]


async def count_nodes_by_kind(scope: Scope) -> dict[Kind, int]:
    """Every kind with its count (zero included), in the order of ``Kind``: aggregates, which
    every role may see."""
    counts = await NetworkRepository(scope.store).count_by_kind(scope.tenant)
    return {kind: counts.get(kind, 0) for kind in Kind}


async def count_actors_by_kind(scope: Scope) -> dict[Kind, int]:
    counts = await count_nodes_by_kind(scope)
    return {kind: n for kind, n in counts.items() if kind in ACTOR_KINDS}
