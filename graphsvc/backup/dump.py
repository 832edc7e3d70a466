"""``graphsvc backup``: every node of a tenant and every relationship between them, to a file.

Generic at the Cypher level: whatever carries ``tenant = T`` is backed up with all its labels and
properties — the network, saved views, share links, users and tokens, the audit log, and labels
added after this was written. Both reads run in one read transaction, streamed to disk, so a
tenant of any size needs little memory.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import __version__
from graphsvc.backup.file_format import BodyWriter, Header
from graphsvc.db import queries
from graphsvc.db.driver import GraphStore

__all__ = ["BackupSummary", "backup_tenant"]


@dataclass(frozen=True)
class BackupSummary:
    tenant: str
    nodes: int
    relationships: int
    path: Path
    bytes: int


def _zoned(pairs: list[list[Any]]) -> dict[str, Any]:
    return {key: text for key, text in pairs}


async def backup_tenant(store: GraphStore, tenant: str, target: Path) -> BackupSummary:
    """Write the backup of ``tenant`` to ``target`` (replaced only once the new file is
    complete)."""
    writer = BodyWriter(target)

    async def work(tx: AsyncManagedTransaction) -> None:
        writer.restart()  # the driver may run this again after a transient error
        numbers: dict[str, int] = {}
        nodes = await tx.run(queries.text("backup/read_nodes"), tenant=tenant)  # type: ignore[arg-type]
        async for r in nodes:
            numbers[r["element"]] = writer.node(r["labels"], r["props"], _zoned(r["zoned"]))
        ties = await tx.run(queries.text("backup/read_relationships"),  # type: ignore[arg-type]
                            tenant=tenant)
        async for r in ties:
            source, end = numbers.get(r["source"]), numbers.get(r["target"])
            # A node created after the first read is not in the backup, nor its relationships.
            if source is not None and end is not None:
                writer.relationship(r["type"], source, end, r["props"], _zoned(r["zoned"]))

    try:
        await store.read(work)
        header = Header(tenant=tenant, nodes=writer.nodes, relationships=writer.relationships,
                        graphsvc_version=__version__,
                        created_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"))
        writer.finish(header)
    finally:
        writer.discard()
    return BackupSummary(tenant=tenant, nodes=header.nodes, relationships=header.relationships,
                         path=target, bytes=target.stat().st_size)
