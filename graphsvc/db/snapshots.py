"""Snapshots of a tenant's partnership, stored in Neo4j next to the network they record.

A snapshot is one ``(:Snapshot {tenant, id, name, name_key, taken_on, created_at, measures,
content, actors, ties, format})`` node: not a ``:Node``, so no read of the network ever meets
it. ``content`` holds organisations, areas, target groups, initiatives and their ties only
(see :mod:`graphsvc.io.snapshot_content`): erasing a young person or a contact person never has
to touch a snapshot.
"""

from __future__ import annotations

import asyncio
import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction
from neo4j.time import Date, DateTime

from graphsvc import audit
from graphsvc.analytics.health import HealthMeasures
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import node_from_record, tie_from_record
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import ACTOR_KINDS, Network, TieType
from graphsvc.errors import Duplicate, NotFound
from graphsvc.io.snapshot_content import (
    decode_content,
    decode_measures,
    encode_content,
    encode_measures,
)

__all__ = ["PARTNERSHIP_TIES", "Partnership", "Snapshot", "SnapshotRepository", "name_key"]

CONTENT_FORMAT = 1
# The ties a snapshot keeps; LOCATED_IN is read as each node's area.
PARTNERSHIP_TIES = (
    TieType.COLLABORATES_WITH,
    TieType.REFERS_TO,
    TieType.FUNDS,
    TieType.PARTICIPATES_IN,
    TieType.TARGETS,
    TieType.PART_OF,
)
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})


@dataclass(frozen=True)
class Snapshot:
    """A stored snapshot without its content: when, what it is called, its measures and the
    size of the partnership it holds (``actors``, and ``ties`` of every kept type)."""

    tenant: str
    id: str
    name: str
    taken_on: datetime.date
    created_at: datetime.datetime | None
    measures: HealthMeasures
    actors: int
    ties: int


@dataclass(frozen=True)
class Partnership:
    """A tenant's partnership as read now, with the data version it was read at."""

    network: Network
    version: str | None


def name_key(name: str) -> str:
    """The form in which two snapshot names are the same name: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLITERATE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "snapshot"


class SnapshotRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def read_partnership(self, tenant: str) -> Partnership:
        """The partnership of ``tenant`` now, read in one transaction."""

        async def work(tx: AsyncManagedTransaction) -> tuple[str | None, list[Any], list[Any]]:
            version = (await run(tx, "tenants/version", tenant=tenant))[0]["version"]
            nodes = (await run(tx, "snapshots/partnership_nodes", tenant=tenant))[0]["nodes"]
            ties = (
                await run(
                    tx, "snapshots/partnership_ties", tenant=tenant, types=[t.value for t in PARTNERSHIP_TIES]
                )
            )[0]["ties"]
            return version, nodes, ties

        version, nodes, ties = await self.store.read(work)
        # Validating a municipality's partnership takes a moment: off the event loop.
        network = await asyncio.to_thread(_network, tenant, nodes, ties)
        return Partnership(network=network, version=version)

    async def create(
        self, tenant: str, *, name: str, taken_on: datetime.date, measures: HealthMeasures, network: Network
    ) -> Snapshot:
        """Store a snapshot of ``network`` (its partnership is kept) under a new id made from
        ``name``; :class:`~graphsvc.errors.Duplicate` when the tenant has a snapshot of that
        name already."""
        key = name_key(name)
        content = await asyncio.to_thread(encode_content, network)
        text = encode_measures(measures)
        actors = sum(1 for n in network.nodes if n.kind in ACTOR_KINDS)
        ties = sum(1 for t in network.ties if t.type in PARTNERSHIP_TIES)

        async def work(tx: AsyncManagedTransaction) -> Snapshot:
            taken = (await run(tx, "snapshots/taken", tenant=tenant))[0]
            if key in taken["name_keys"]:
                raise _duplicate(name, tenant)
            snapshot_id = _free_id(_slug(name), set(taken["ids"]))
            created = (
                await run(
                    tx,
                    "snapshots/create_snapshot",
                    tenant=tenant,
                    id=snapshot_id,
                    snapshot_name=name,
                    name_key=key,
                    taken_on=taken_on.isoformat(),
                    measures=text,
                    content=content,
                    actors=actors,
                    ties=ties,
                    format=CONTENT_FORMAT,
                )
            )[0]
            await audit.record(
                tx,
                tenant,
                "create_snapshot",
                snapshot_id,
                after={"name": name, "taken_on": taken_on.isoformat(), "actors": actors, "ties": ties},
            )
            await bump_version(tx, tenant)
            return Snapshot(
                tenant=tenant,
                id=snapshot_id,
                name=name,
                taken_on=taken_on,
                created_at=_native(created["created_at"]),
                measures=measures,
                actors=actors,
                ties=ties,
            )

        try:
            return await self.store.write(work)
        except Duplicate as e:  # the name was taken by a concurrent write after the check
            raise _duplicate(name, tenant) from e

    async def list(self, tenant: str) -> list[Snapshot]:
        """The snapshots of ``tenant``, oldest first (by the date they were taken)."""
        records = await self.store.query("snapshots/list_snapshots", tenant=tenant)
        return [_snapshot(tenant, r) for r in records]

    async def find(self, tenant: str, ref: str) -> tuple[Snapshot, Network]:
        """The snapshot whose id or name is ``ref``, with its partnership."""
        records = await self.store.query(
            "snapshots/find_snapshot", tenant=tenant, id=ref, name_key=name_key(ref)
        )
        if not records:
            raise NotFound(f"there is no snapshot {ref!r} in tenant {tenant!r}")
        record = records[0]
        network = await asyncio.to_thread(decode_content, record["content"], tenant=tenant)
        return _snapshot(tenant, record), network

    async def delete(self, tenant: str, snapshot_id: str, *, before: Snapshot | None = None) -> None:
        """Delete the snapshot ``snapshot_id``; the audit log keeps what it was (``before``:
        its name, day and size) beside who deleted it."""

        async def work(tx: AsyncManagedTransaction) -> int:
            deleted = (await run(tx, "snapshots/delete_snapshot", tenant=tenant, id=snapshot_id))[0][
                "deleted"
            ]
            if deleted:
                await audit.record(
                    tx,
                    tenant,
                    "delete_snapshot",
                    snapshot_id,
                    before=None if before is None else _summary(before),
                )
                await bump_version(tx, tenant)
            return int(deleted)

        if not await self.store.write(work):
            raise NotFound(f"there is no snapshot {snapshot_id!r} in tenant {tenant!r}")


def _summary(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "name": snapshot.name,
        "taken_on": snapshot.taken_on.isoformat(),
        "actors": snapshot.actors,
        "ties": snapshot.ties,
    }


def _duplicate(name: str, tenant: str) -> Duplicate:
    return Duplicate(f"tenant {tenant!r} already has a snapshot named {name!r}: choose another name")


def _free_id(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def _network(tenant: str, nodes: list[list[Any]], ties: list[list[Any]]) -> Network:
    return Network(
        tenant=tenant,
        nodes=tuple(node_from_record(labels, props, area) for labels, props, area in nodes),
        ties=tuple(tie_from_record(s, t, d, props) for s, t, d, props in ties),
    )


def _snapshot(tenant: str, record: Any) -> Snapshot:
    return Snapshot(
        tenant=tenant,
        id=record["id"],
        name=record["name"],
        taken_on=_native(record["taken_on"]),
        created_at=_native(record["created_at"]),
        measures=decode_measures(record["measures"]),
        actors=int(record["actors"]),
        ties=int(record["ties"]),
    )


def _native(value: Any) -> Any:
    if isinstance(value, DateTime | Date):
        return value.to_native()
    return value
