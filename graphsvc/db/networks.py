"""Whole networks of a tenant: bulk writes (imports, the demo), reads (exports), counts.

A network is checked as a whole before anything is written, then written in batched UNWIND
statements. By default all batches run in one transaction, so an import is all-or-nothing.
Nodes and ties are upserted by id: writing the same network twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction

from graphsvc.db import queries
from graphsvc.db.driver import GraphStore, run, translate_errors
from graphsvc.db.mapping import kind_from_labels, node_from_record, node_properties, tie_from_record
from graphsvc.domain import Kind, Network, labels_for
from graphsvc.errors import GraphsvcError
from graphsvc.network_check import require_valid

__all__ = ["BATCH_SIZE", "NetworkRepository", "WriteSummary"]

BATCH_SIZE = 5000
T = TypeVar("T")
Progress = Callable[[int], None]  # called with the number of records just written


class WriteSummary(dict[str, int]):
    """Counts of what a bulk write stored: nodes, located (area links), ties."""


def _batches(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class NetworkRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def known_kinds(self, tenant: str) -> dict[str, Kind]:
        records = await self.store.query("networks/known_kinds", tenant=tenant)
        return {r["id"]: kind_from_labels(r["labels"]) for r in records}

    async def count_by_kind(self, tenant: str) -> dict[Kind, int]:
        records = await self.store.query("stats/count_nodes_by_kind", tenant=tenant)
        return {Kind(r["kind"]): int(r["count"]) for r in records if r["kind"]}

    async def write(
        self, network: Network, *, progress: Progress | None = None, atomic: bool = True
    ) -> WriteSummary:
        """Check ``network`` against what its tenant holds, then upsert it.

        With ``atomic=False`` each batch commits on its own: for very large generated networks
        whose single transaction would not fit the database's memory. Imports stay atomic.
        """
        require_valid(network, await self.known_kinds(network.tenant))
        tenant = network.tenant
        node_rows = [
            {"id": n.id, "labels": labels_for(n.kind), "props": node_properties(n)}
            for n in network.nodes
        ]
        area_rows = [
            {"id": n.id, "area": getattr(n, "area", None)}
            for n in network.nodes
            if "area" in type(n).model_fields
        ]
        tie_rows = [
            {"source": t.source, "type": t.type.value, "target": t.target, "props": t.properties()}
            for t in network.ties
        ]
        steps = [
            ("nodes", "networks/upsert_nodes", node_rows, "written", len(node_rows)),
            ("located", "networks/set_areas", area_rows, "linked",
             sum(1 for r in area_rows if r["area"] is not None)),
            ("ties", "networks/upsert_ties", tie_rows, "written", len(tie_rows)),
        ]
        summary = WriteSummary()

        async def write_steps(tx: AsyncManagedTransaction) -> None:
            for label, query, rows, column, _ in steps:
                for batch in _batches(rows):
                    records = await run(tx, query, tenant=tenant, rows=list(batch))
                    summary[label] = summary.get(label, 0) + int(records[0][column])
                    if progress:
                        progress(len(batch))

        if atomic:
            async def all_steps(tx: AsyncManagedTransaction) -> None:
                summary.clear()
                await write_steps(tx)
                _check_counts(summary, steps)

            await self.store.write(all_steps)
        else:
            await self._write_in_batches(tenant, steps, summary, progress)
            _check_counts(summary, steps)
        return summary

    async def _write_in_batches(
        self, tenant: str, steps: list[Any], summary: WriteSummary, progress: Progress | None
    ) -> None:
        for label, query, rows, column, _ in steps:
            for batch in _batches(rows):
                async def one(tx: AsyncManagedTransaction, q: str = query,
                              b: Sequence[Any] = batch, c: str = column) -> int:
                    records = await run(tx, q, tenant=tenant, rows=list(b))
                    return int(records[0][c])

                summary[label] = summary.get(label, 0) + await self.store.write(one)
                if progress:
                    progress(len(batch))

    async def read(self, tenant: str) -> Network:
        """Everything a tenant holds, as a network (for exports and backups)."""
        node_records = await self.store.query("networks/read_nodes", tenant=tenant)
        tie_records = await self.store.query("networks/read_ties", tenant=tenant)
        nodes = tuple(node_from_record(r["labels"], r["props"], r["area"]) for r in node_records)
        ties = tuple(
            tie_from_record(r["source"], r["type"], r["target"], r["props"]) for r in tie_records
        )
        return Network(tenant=tenant, nodes=nodes, ties=ties)

    async def delete_tenant(self, tenant: str) -> None:
        """Remove every node and tie of a tenant (batched, so not one transaction)."""
        with translate_errors(self.store.uri):
            async with self.store.driver.session(database=self.store.database) as session:
                result = await session.run(queries.load("networks/delete_tenant"), tenant=tenant)
                await result.consume()


def _check_counts(summary: WriteSummary, steps: list[Any]) -> None:
    # Every row was checked beforehand; a shortfall means the tenant changed underneath us.
    # Raising inside the transaction rolls the whole write back.
    for label, _, _, _, expected in steps:
        if summary.get(label, 0) != expected:
            raise GraphsvcError(
                f"the write was undone: {summary.get(label, 0)} of {expected} {label} were stored;"
                f" the tenant changed while writing, try again"
            )
