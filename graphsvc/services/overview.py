"""What a tenant holds, in counts: the first thing a coordinator looks at."""

from __future__ import annotations

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import ACTOR_KINDS, Kind

__all__ = ["count_actors_by_kind", "count_nodes_by_kind"]


async def count_nodes_by_kind(store: GraphStore, tenant: str) -> dict[Kind, int]:
    """Every kind with its count (zero included), in the order of ``Kind``."""
    counts = await NetworkRepository(store).count_by_kind(tenant)
    return {kind: counts.get(kind, 0) for kind in Kind}


async def count_actors_by_kind(store: GraphStore, tenant: str) -> dict[Kind, int]:
    counts = await count_nodes_by_kind(store, tenant)
    return {kind: n for kind, n in counts.items() if kind in ACTOR_KINDS}
