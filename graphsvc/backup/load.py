"""``graphsvc restore``: a backup file back into a tenant, all or nothing.

The whole file is read and checked first; then one write transaction checks that the target
tenant is empty (or, with ``replace``, deletes what it holds), creates every node and every
relationship in batches, and gives the tenant a new data version. Anything failing on the way
rolls all of it back: the tenant is as it was.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import Neo4jError

from graphsvc.backup.file_format import Backup, read_backup
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.tenant_state import bump_version
from graphsvc.errors import Conflict, Duplicate, GraphsvcError
from graphsvc.tenants import resolve_tenant

__all__ = ["CREDENTIAL_LABELS", "RestoreSummary", "restore_tenant"]

log = logging.getLogger(__name__)
T = TypeVar("T")

NODE_BATCH = 5_000
RELATIONSHIP_BATCH = 10_000
# Secrets that open a tenant by themselves (a token is found by its hash alone). Restored into
# the tenant they came from; left out of a copy under another name, where they would let the
# original tenant's users into the copy.
CREDENTIAL_LABELS = frozenset({"ApiToken", "ShareLink", "PresentationLink"})


@dataclass(frozen=True)
class RestoreSummary:
    tenant: str
    nodes: int
    relationships: int
    replaced: int  # nodes the tenant held before (deleted with --replace)
    left_out: int  # credential nodes not copied into another tenant
    seconds: float


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class _Plan:
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]  # source/target: node numbers
    left_out: int


def _zoned(zoned: dict[str, Any]) -> list[list[Any]]:
    """[key, [texts], is list] for each zoned datetime property (see create_nodes.cypher)."""
    return [
        [key, text if isinstance(text, list) else [text], isinstance(text, list)]
        for key, text in zoned.items()
    ]


def _plan(backup: Backup, tenant: str) -> _Plan:
    copy = tenant != backup.header.tenant
    skipped = {i for i, n in enumerate(backup.nodes) if copy and CREDENTIAL_LABELS.intersection(n.labels)}
    nodes = [
        {"number": i, "labels": n.labels, "props": n.props | {"tenant": tenant}, "zoned": _zoned(n.zoned)}
        for i, n in enumerate(backup.nodes)
        if i not in skipped
    ]
    relationships = [
        {"source": r.source, "type": r.type, "target": r.target, "props": r.props, "zoned": _zoned(r.zoned)}
        for r in backup.relationships
        if r.source not in skipped and r.target not in skipped
    ]
    return _Plan(nodes=nodes, relationships=relationships, left_out=len(skipped))


async def restore_tenant(
    store: GraphStore, path: Path, *, tenant: str | None = None, replace: bool = False
) -> RestoreSummary:
    """Restore the backup at ``path`` into ``tenant`` (default: the tenant it was taken from).

    Refused, writing nothing, when the file is not a complete backup of a known format version
    (InvalidInput) or the tenant holds data and ``replace`` is not set (Conflict).
    """
    started = time.perf_counter()
    backup = await asyncio.to_thread(read_backup, path)
    target = resolve_tenant(tenant or backup.header.tenant)
    plan = _plan(backup, target)
    replaced = 0

    async def work(tx: AsyncManagedTransaction) -> None:
        nonlocal replaced
        existing = int((await run(tx, "backup/count_tenant_nodes", tenant=target))[0]["nodes"])
        if existing and not replace:
            raise Conflict(
                f"tenant {target!r} already holds {existing:,} nodes: restore into an "
                "empty tenant (--tenant NEW), or replace its data with --replace"
            )
        if existing:
            await run(tx, "backup/delete_tenant_nodes", tenant=target)
        replaced = existing
        elements: dict[int, str] = {}
        for batch in _batches(plan.nodes, NODE_BATCH):
            for r in await run(tx, "backup/create_nodes", rows=list(batch)):
                elements[r["number"]] = r["element"]
        created = 0
        for batch in _batches(plan.relationships, RELATIONSHIP_BATCH):
            rows = [
                row | {"source": elements[row["source"]], "target": elements[row["target"]]} for row in batch
            ]
            created += int((await run(tx, "backup/create_relationships", rows=rows))[0]["created"])
        if (len(elements), created) != (len(plan.nodes), len(plan.relationships)):
            # Raising inside the transaction function rolls everything back.
            raise GraphsvcError(
                f"the restore was undone: {len(elements):,} of {len(plan.nodes):,}"
                f" nodes and {created:,} of {len(plan.relationships):,} "
                "relationships were created"
            )
        await bump_version(tx, target)

    try:
        await store.write(work)
    except Duplicate as e:
        raise Conflict(f"the restore was undone: {_uniqueness(e)}") from e
    await _replan(store)
    return RestoreSummary(
        tenant=target,
        nodes=len(plan.nodes),
        relationships=len(plan.relationships),
        replaced=replaced,
        left_out=plan.left_out,
        seconds=time.perf_counter() - started,
    )


def _uniqueness(error: Duplicate) -> str:
    """Which uniqueness rule a restore broke, without the value (it may be a token's hash)."""
    cause = error.__cause__
    message = cause.message if isinstance(cause, Neo4jError) and cause.message else ""
    found = re.search(r"label `([^`]+)` and propert(?:y|ies) (`[^=]+`)", message)
    rule = f" (label {found[1]}, {found[2].strip()})" if found else ""
    return (
        f"a node in the backup has the same unique key{rule} as a node already in the "
        "database, for example in another tenant"
    )


async def _replan(store: GraphStore) -> None:
    # As after any bulk write: plans made while the tenant was empty can be far slower.
    try:
        await store.query("networks/prepare_for_replanning", write=True)
    except Neo4jError as e:
        log.warning("could not refresh query plans after a restore: %s", e.message)
