"""Per-request data loaders: relation fields of many nodes are fetched in one query each,
through the node services, which leave out what the caller may not see."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from graphsvc.domain import Direction, Node, Related, TieType
from graphsvc.services import nodes as node_service
from graphsvc.services.scope import Scope

__all__ = ["Loaders", "RelationKey"]

# A relation as a loader key: tie types, direction, label of the node at the other end (a kind,
# "Actor", or None for any).
RelationKey = tuple[tuple[TieType, ...], Direction, str | None]


@dataclass
class Loaders:
    """The loaders of one request; its caller may only ever reach its own tenant, so the
    scope of that tenant serves every field."""

    scope: Scope
    _related: dict[RelationKey, DataLoader[str, list[Related]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.nodes: DataLoader[str, Node | None] = DataLoader(self._load_nodes)
        self.tie_counts: DataLoader[str, int] = DataLoader(self._load_tie_counts)

    async def _load_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        found = await node_service.nodes_by_ids(self.scope, ids)
        return [found.get(i) for i in ids]

    async def _load_tie_counts(self, ids: Sequence[str]) -> list[int]:
        found = await node_service.tie_counts(self.scope, ids)
        return [found.get(i, 0) for i in ids]

    def related(self, key: RelationKey) -> DataLoader[str, list[Related]]:
        """The loader for one relation (e.g. contact persons: WORKS_FOR|VOLUNTEERS_AT, in)."""
        if key not in self._related:
            types, direction, other_label = key

            async def load(ids: Sequence[str]) -> list[list[Related]]:
                found = await node_service.related(
                    self.scope, ids, types=types, direction=direction, other_label=other_label
                )
                return [found.get(i, []) for i in ids]

            self._related[key] = DataLoader(load)
        return self._related[key]

    # A load is shielded: when a field fails, graphql-core cancels its pending siblings, and a
    # cancelled wait must not cancel the loader's shared future, which another field of the
    # same request (the same node met twice) may be waiting for too.

    async def node(self, node_id: str) -> Node | None:
        return await asyncio.shield(self.nodes.load(node_id))

    async def tie_count(self, node_id: str) -> int:
        return await asyncio.shield(self.tie_counts.load(node_id))

    async def relation(self, node_id: str, key: RelationKey) -> list[Related]:
        return await asyncio.shield(self.related(key).load(node_id))
