"""Whole networks of a tenant: bulk writes (imports, the demo), reads (exports), counts.

A network is checked as a whole before anything is written, then written in batched UNWIND
statements. By default all batches run in one transaction, so an import is all-or-nothing.
Nodes and ties are upserted by id: writing the same network twice changes nothing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import Neo4jError

from graphsvc import audit
from graphsvc.db import queries
from graphsvc.db.driver import GraphStore, run, translate_errors
from graphsvc.db.mapping import kind_from_labels, node_from_record, node_properties, tie_from_record
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Kind, Network, TieType, labels_for
from graphsvc.errors import GraphsvcError
from graphsvc.network_check import require_valid

__all__ = ["BATCH_SIZE", "NetworkRepository", "WriteSummary"]

BATCH_SIZE = 10_000
log = logging.getLogger(__name__)
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
        known = await self.known_kinds(network.tenant)
        require_valid(network, known)
        steps = _steps(network, frozenset(known))
        expected = WriteSummary()
        for step in steps:
            expected[step.label] = expected.get(step.label, 0) + step.expected
        summary = WriteSummary()

        async def write_batch(tx: AsyncManagedTransaction, step: _Step, batch: Sequence[Any]) -> None:
            records = await run(
                tx, step.query, tie_type=step.tie_type, tenant=network.tenant, rows=list(batch)
            )
            summary[step.label] = summary.get(step.label, 0) + int(records[0][step.column])
            if progress and step.label != "located":  # progress counts nodes and ties
                progress(len(batch))

        if atomic:

            async def everything(tx: AsyncManagedTransaction) -> None:
                summary.clear()  # the driver may retry the whole transaction
                for step in steps:
                    for batch in _batches(step.rows):
                        await write_batch(tx, step, batch)
                _check_counts(summary, expected)
                await _audit_import(tx, network, summary)
                await bump_version(tx, network.tenant)

            await self.store.write(everything)
        else:

            async def one_batch(tx: AsyncManagedTransaction, step: _Step, batch: Sequence[Any]) -> None:
                await write_batch(tx, step, batch)
                await bump_version(tx, network.tenant)  # each batch commits on its own

            for step in steps:
                for batch in _batches(step.rows):
                    await self.store.write(lambda tx, s=step, b=batch: one_batch(tx, s, b))  # type: ignore[misc]
            _check_counts(summary, expected)
            await self.store.write(lambda tx: _audit_import(tx, network, summary))
        await self._replan()
        return summary

    async def _replan(self) -> None:
        try:
            await self.store.query("networks/prepare_for_replanning", write=True)
        except Neo4jError as e:  # a server that does not allow it still answers, only slower
            log.warning("could not refresh query plans after a bulk write: %s", e.message)

    async def read(self, tenant: str) -> Network:
        """Everything a tenant holds, as a network (for exports and backups)."""
        node_records = await self.store.query("networks/read_nodes", tenant=tenant)
        tie_records = await self.store.query("networks/read_ties", tenant=tenant)
        nodes = tuple(node_from_record(r["labels"], r["props"], r["area"]) for r in node_records)
        ties = tuple(tie_from_record(r["source"], r["type"], r["target"], r["props"]) for r in tie_records)
        return Network(tenant=tenant, nodes=nodes, ties=ties)

    async def delete_tenant(self, tenant: str) -> None:
        """Remove every node and tie of a tenant (batched, so not one transaction)."""
        with translate_errors(self.store.uri):
            async with self.store.driver.session(database=self.store.database) as session:
                result = await session.run(queries.load("networks/delete_tenant"), tenant=tenant)
                await result.consume()
        # The batches commit one by one, so the version changes once they all have: anything
        # derived from a partly deleted tenant in the meantime is outdated by this.
        await self.store.write(lambda tx: bump_version(tx, tenant))


async def _audit_import(tx: AsyncManagedTransaction, network: Network, summary: WriteSummary) -> None:
    # Counts only: an import's records may be about young people, and the log keeps no copy.
    await audit.record(
        tx,
        network.tenant,
        "import",
        "network",
        subjects=["network"],
        after={"nodes": len(network.nodes), "ties": len(network.ties), "written": dict(summary)},
    )


@dataclass(frozen=True)
class _Step:
    label: str  # what the summary counts: nodes, located or ties
    query: str
    rows: list[dict[str, Any]]
    column: str
    expected: int
    tie_type: TieType | None = None


def _steps(network: Network, known: frozenset[str]) -> list[_Step]:
    """The statements that write ``network`` next to the ``known`` ids: new nodes and their ties
    are created (much faster than merged), known ones are matched and replaced. Ties between
    known nodes are merged one type at a time (see graphsvc.db.queries on why)."""
    Row = dict[str, Any]
    new_nodes: list[Row] = []
    old_nodes: list[Row] = []
    new_areas: list[Row] = []
    old_areas: list[Row] = []
    for n in network.nodes:
        row = {"id": n.id, "labels": labels_for(n.kind), "props": node_properties(n)}
        (old_nodes if n.id in known else new_nodes).append(row)
        if "area" in type(n).model_fields:
            area = {"id": n.id, "area": getattr(n, "area", None)}
            if n.id in known:
                old_areas.append(area)
            elif area["area"] is not None:
                new_areas.append(area)
    steps = [
        _Step("nodes", "networks/create_nodes", new_nodes, "written", len(new_nodes)),
        _Step("nodes", "networks/upsert_nodes", old_nodes, "written", len(old_nodes)),
        _Step("located", "networks/add_areas", new_areas, "linked", len(new_areas)),
        _Step(
            "located",
            "networks/set_areas",
            old_areas,
            "linked",
            sum(1 for r in old_areas if r["area"] is not None),
        ),
    ]
    new_ties: list[dict[str, Any]] = []
    merged: dict[TieType, list[dict[str, Any]]] = defaultdict(list)
    for t in network.ties:
        row = {"source": t.source, "target": t.target, "props": t.properties()}
        if t.source in known and t.target in known:
            merged[t.type].append(row)
        else:
            new_ties.append(row | {"type": t.type.value})
    steps.append(_Step("ties", "networks/create_ties", new_ties, "written", len(new_ties)))
    for tie_type in sorted(merged):
        rows = merged[tie_type]
        steps.append(_Step("ties", "networks/upsert_ties", rows, "written", len(rows), tie_type))
    return [step for step in steps if step.rows]


def _check_counts(summary: WriteSummary, expected: WriteSummary) -> None:
    # Every row was checked beforehand; a shortfall means the tenant changed underneath us.
    # Raising inside the transaction rolls the whole write back.
    for label, count in expected.items():
        if summary.get(label, 0) != count:
            raise GraphsvcError(
                f"the write was undone: {summary.get(label, 0)} of {count} {label} were stored;"
                f" the tenant changed while writing, try again"
            )
