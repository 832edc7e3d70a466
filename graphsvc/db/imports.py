"""What a spreadsheet import needs to know of a tenant before it writes: every node's name (to
find nodes by name), and the stored ties it may change."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from graphsvc.db.driver import GraphStore
from graphsvc.db.mapping import kind_from_labels, tie_from_record
from graphsvc.domain import Kind, Tie, TieType

__all__ = ["ImportLookups"]

_PAIRS_PER_QUERY = 20_000


class ImportLookups:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def node_names(self, tenant: str) -> list[tuple[str, Kind, str]]:
        """(id, kind, name) of every node of ``tenant``."""
        records = await self.store.query("imports/node_names", tenant=tenant)
        return [(node_id, kind_from_labels(labels), name) for node_id, labels, name in records[0]["nodes"]]

    async def ties_between(
        self, tenant: str, pairs: Iterable[tuple[str, str]], types: Collection[TieType]
    ) -> list[Tie]:
        """The stored ties of ``types`` from the first to the second node of each pair."""
        wanted = sorted(set(pairs))
        found: list[Tie] = []
        for start in range(0, len(wanted), _PAIRS_PER_QUERY):
            records = await self.store.query(
                "imports/ties_between",
                tenant=tenant,
                pairs=[list(p) for p in wanted[start : start + _PAIRS_PER_QUERY]],
                types=sorted(t.value for t in types),
            )
            found += [tie_from_record(s, t, d, props) for s, t, d, props in records[0]["ties"]]
        return found
