"""Per-request data loaders: relation fields of many nodes are fetched in one query each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from graphsvc.db.driver import GraphStore
from graphsvc.db.relations import Direction, Related, RelationRepository
from graphsvc.domain import Kind, Node, TieType

__all__ = ["Loaders", "RelationKey"]

# A relation as a loader key: tie types, direction, label of the node at the other end (a kind,
# "Actor", or None for any).
RelationKey = tuple[tuple[TieType, ...], Direction, str | None]


def _by_tenant(keys: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for tenant, node_id in keys:
        grouped.setdefault(tenant, []).append(node_id)
    return grouped


@dataclass
class Loaders:
    store: GraphStore
    # For callers who may not see individual young people (viewers): relations to them are left
    # out here, where every relation field gets its data, so no field can show one.
    hide_young_people: bool = False
    _related: dict[RelationKey, DataLoader[tuple[str, str], list[Related]]] = field(
        default_factory=dict)

    def __post_init__(self) -> None:
        self.relations = RelationRepository(self.store)
        self.nodes: DataLoader[tuple[str, str], Node | None] = DataLoader(self._load_nodes)
        self.tie_counts: DataLoader[tuple[str, str], int] = DataLoader(self._load_tie_counts)

    async def _load_nodes(self, keys: Sequence[tuple[str, str]]) -> list[Node | None]:
        found: dict[tuple[str, str], Node] = {}
        for tenant, ids in _by_tenant(keys).items():
            for node_id, node in (await self.relations.nodes_by_ids(tenant, ids)).items():
                if not (self.hide_young_people and node.kind is Kind.YOUNG_PERSON):
                    found[(tenant, node_id)] = node
        return [found.get(key) for key in keys]

    async def _load_tie_counts(self, keys: Sequence[tuple[str, str]]) -> list[int]:
        found: dict[tuple[str, str], int] = {}
        for tenant, ids in _by_tenant(keys).items():
            for node_id, count in (await self.relations.tie_counts(tenant, ids)).items():
                found[(tenant, node_id)] = count
        return [found.get(key, 0) for key in keys]

    def related(self, key: RelationKey) -> DataLoader[tuple[str, str], list[Related]]:
        """The loader for one relation (e.g. contact persons: WORKS_FOR|VOLUNTEERS_AT, in)."""
        if key not in self._related:
            types, direction, other_label = key

            async def load(keys: Sequence[tuple[str, str]]) -> list[list[Related]]:
                found: dict[tuple[str, str], list[Related]] = {}
                for tenant, ids in _by_tenant(keys).items():
                    rows = await self.relations.related(tenant, ids, types=types,
                                                        direction=direction, other_label=other_label)
                    for node_id, related in rows.items():
                        found[(tenant, node_id)] = self._visible(related)
                return [found.get(k, []) for k in keys]

            self._related[key] = DataLoader(load)
        return self._related[key]

    def _visible(self, related: list[Related]) -> list[Related]:
        if not self.hide_young_people:
            return related
        return [r for r in related if r.other.kind is not Kind.YOUNG_PERSON]

    async def relation(self, tenant: str, node_id: str, key: RelationKey) -> list[Related]:
        return await self.related(key).load((tenant, node_id))
