"""``graphsvc backup``: every node of a tenant and every relationship between them, to a file.

Generic at the Cypher level: whatever carries ``tenant = T`` is backed up with all its labels and
properties — the network, saved views, share links, users and tokens, the audit log, and labels
added after this was written. Both reads run in one read transaction and come in pages that go
straight to disk.
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

PAGE = 2_000  # nodes or relationships per record read


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
        nodes = await tx.run(
            queries.text("backup/read_nodes"),  # type: ignore[arg-type]
            tenant=tenant,
            page=PAGE,
        )
        async for record in nodes:
            for element, labels, props, zoned in record["page"]:
                numbers[element] = writer.node(labels, props, _zoned(zoned))
            writer.flush()
        ties = await tx.run(
            queries.text("backup/read_relationships"),  # type: ignore[arg-type]
            tenant=tenant,
            page=PAGE,
        )
        async for record in ties:
            for source_element, type_, target_element, props, zoned in record["page"]:
                source, target = numbers.get(source_element), numbers.get(target_element)
                # A node created after the first read is not in the backup, nor its ties.
                if source is not None and target is not None:
                    writer.relationship(type_, source, target, props, _zoned(zoned))
            writer.flush()

    try:
        await store.read(work)
        header = Header(
            tenant=tenant,
            nodes=writer.nodes,
            relationships=writer.relationships,
            graphsvc_version=__version__,
            created_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        )
        writer.finish(header)
    finally:
        writer.discard()
    return BackupSummary(
        tenant=tenant,
        nodes=header.nodes,
        relationships=header.relationships,
        path=target,
        bytes=target.stat().st_size,
    )
