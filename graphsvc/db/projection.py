"""The bulk read behind the analytics projection: a whole tenant as plain rows, in a few
queries, with the data version it was read at.

Why not :meth:`NetworkRepository.read <graphsvc.db.networks.NetworkRepository.read>`: the
driver spends about 0.1 ms on each record it decodes, so one record per node and per tie costs
seconds for a municipality (13,000 nodes, 60,000 ties) before any domain object is built.
Here each page of nodes, with their outgoing ties, comes back as one record of plain lists,
and nothing is validated again (it was validated when written).

Neo4j reads at *read committed*: the pages of one read may see a write that committed between
them. The data version is read before the first page and after the last one, in the same
transaction; when they differ, the read is repeated, and after a few attempts it is returned
marked as not consistent (usable for one answer, not to be cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc.db.driver import GraphStore, run
from graphsvc.domain import PROJECTION_COLUMNS, PROJECTION_TIE_COLUMNS

__all__ = ["NODE_COLUMNS", "PAGE_SIZE", "TIE_COLUMNS", "ProjectionRepository", "ProjectionRows"]

# Nodes per page. The driver decodes each page on the event loop, holding it meanwhile: about
# 0.25 s for 2,000 nodes with their ties, against 1 s for a municipality (13,000) in one page,
# at the same total time. A municipality takes seven pages.
PAGE_SIZE = 2_000
# The positions in each node row (the projection's columns, then the node's ties) and each tie
# row (see cypher/analytics/read_page.cypher).
NODE_COLUMNS = (*PROJECTION_COLUMNS, "ties")
TIE_COLUMNS = PROJECTION_TIE_COLUMNS


@dataclass(frozen=True)
class ProjectionRows:
    """A tenant read whole: one row per node (:data:`NODE_COLUMNS`), each with its outgoing
    ties (:data:`TIE_COLUMNS`, locations included).

    ``version`` is the data version the rows belong to; ``consistent`` is False when writes
    kept landing during the read, so the rows may mix two versions.
    """

    tenant: str
    version: str | None
    consistent: bool
    nodes: list[list[Any]]


class ProjectionRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def read(self, tenant: str, *, page_size: int = PAGE_SIZE, attempts: int = 3) -> ProjectionRows:
        """Every node of ``tenant`` with its ties, in pages of ``page_size`` nodes."""
        rows: ProjectionRows | None = None
        for _ in range(attempts):
            rows = await self.store.read(lambda tx: _read_all(tx, tenant, page_size))  # type: ignore[arg-type]
            if rows.consistent:
                return rows
        assert rows is not None
        return rows


async def _read_all(tx: AsyncManagedTransaction, tenant: str, page_size: int) -> ProjectionRows:
    before = (await run(tx, "tenants/version", tenant=tenant))[0]["version"]
    nodes: list[list[Any]] = []
    after = ""
    while True:
        record = (await run(tx, "analytics/read_page", tenant=tenant, after=after, limit=page_size))[0]
        nodes.extend(record["nodes"])
        if len(record["nodes"]) < page_size:
            break
        after = record["last"]
    now = (await run(tx, "tenants/version", tenant=tenant))[0]["version"]
    return ProjectionRows(tenant=tenant, version=before, consistent=before == now, nodes=nodes)
