"""Saved map views and their share links, kept in Neo4j beside the network (not part of it:
no ``Node`` label, so no network query, export or analytics job ever sees them, and saving a
view does not change the tenant's data version or discard its cached projection).

A share link stores the SHA-256 of its token, never the token. Every change is written to the
audit log in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.domain import StoredLink
from graphsvc.errors import NotFound

__all__ = ["FoundLink", "MapViewRepository", "SavedView", "StoredLink"]

_NOTE_EVERY = timedelta(minutes=1)  # how often a share link's last use is noted at most


@dataclass(frozen=True)
class SavedView:
    id: str
    tenant: str
    options: str  # the options as JSON (graphsvc.maps.MapOptions.to_json)
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class FoundLink:
    """A share link found by its token, with the time in the database when it was read."""

    id: str
    tenant: str
    view_id: str
    options: str | None  # None: its view is gone
    expires_at: datetime | None
    revoked_at: datetime | None
    now: datetime
    last_used_at: datetime | None = None


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _view(tenant: str, r: Any) -> SavedView:
    return SavedView(
        id=r["id"],
        tenant=tenant,
        options=r["options"],
        created_by=r["created_by"],
        created_at=_native(r["created_at"]),
    )


def _link(tenant: str, r: Any) -> StoredLink:
    return StoredLink(
        id=r["id"],
        tenant=tenant,
        view_id=r["view_id"],
        created_by=r["created_by"],
        created_at=_native(r["created_at"]),
        expires_at=_native(r["expires_at"]),
        revoked_at=_native(r["revoked_at"]),
        last_used_at=_native(r["last_used_at"]),
    )


class MapViewRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def save(self, tenant: str, view_id: str, options: str, created_by: str) -> SavedView:
        async def work(tx: AsyncManagedTransaction) -> SavedView:
            records = await run(
                tx, "maps/create_view", tenant=tenant, id=view_id, options=options, created_by=created_by
            )
            await audit.record(
                tx, tenant, "save map view", view_id, after={"options": options, "created_by": created_by}
            )
            return _view(tenant, records[0])

        return await self.store.write(work)

    async def get(self, tenant: str, view_id: str) -> SavedView:
        records = await self.store.query("maps/get_view", tenant=tenant, id=view_id)
        if not records:
            raise NotFound(f"there is no saved map view {view_id!r} in tenant {tenant!r}")
        return _view(tenant, records[0])

    async def update_options(self, tenant: str, view_id: str, options: str) -> SavedView:
        async def work(tx: AsyncManagedTransaction) -> SavedView:
            before = await run(tx, "maps/get_view", tenant=tenant, id=view_id)
            if not before:
                raise NotFound(f"there is no saved map view {view_id!r} in tenant {tenant!r}")
            records = await run(tx, "maps/update_view", tenant=tenant, id=view_id, options=options)
            await audit.record(
                tx,
                tenant,
                "change map view",
                view_id,
                before={"options": before[0]["options"]},
                after={"options": options},
            )
            return _view(tenant, records[0])

        return await self.store.write(work)

    async def delete(self, tenant: str, view_id: str) -> int:
        """Delete a view; returns how many of its share links were revoked with it."""

        async def work(tx: AsyncManagedTransaction) -> int:
            records = await run(tx, "maps/delete_view", tenant=tenant, id=view_id)
            if not records:
                raise NotFound(f"there is no saved map view {view_id!r} in tenant {tenant!r}")
            await audit.record(tx, tenant, "delete map view", view_id)
            return int(records[0]["links"])

        return await self.store.write(work)

    async def all(self, tenant: str) -> list[SavedView]:
        records = await self.store.query("maps/list_views", tenant=tenant)
        return [_view(tenant, r) for r in records]

    async def create_link(
        self,
        tenant: str,
        view_id: str,
        link_id: str,
        token_hash: str,
        created_by: str,
        expires_at: datetime | None,
    ) -> StoredLink:
        async def work(tx: AsyncManagedTransaction) -> StoredLink:
            records = await run(
                tx,
                "maps/create_link",
                tenant=tenant,
                view=view_id,
                id=link_id,
                hash=token_hash,
                created_by=created_by,
                expires_at=expires_at,
            )
            if not records:
                raise NotFound(f"there is no saved map view {view_id!r} in tenant {tenant!r}")
            await audit.record(
                tx,
                tenant,
                "create share link",
                link_id,
                subjects=[view_id],
                after={"view": view_id, "expires_at": expires_at},
            )
            return _link(tenant, records[0])

        return await self.store.write(work)

    async def links(self, tenant: str, view_id: str | None = None) -> list[StoredLink]:
        records = await self.store.query("maps/list_links", tenant=tenant, view=view_id)
        return [_link(tenant, r) for r in records]

    async def link(self, tenant: str, link_id: str) -> StoredLink:
        records = await self.store.query("maps/get_link", tenant=tenant, id=link_id)
        if not records:
            raise NotFound(f"there is no share link {link_id!r} in tenant {tenant!r}")
        return _link(tenant, records[0])

    async def revoke_link(self, tenant: str, link_id: str) -> StoredLink:
        async def work(tx: AsyncManagedTransaction) -> StoredLink:
            records = await run(tx, "maps/revoke_link", tenant=tenant, id=link_id)
            if not records:
                raise NotFound(f"there is no share link {link_id!r} in tenant {tenant!r}")
            found = _link(tenant, records[0])
            await audit.record(
                tx,
                tenant,
                "revoke share link",
                link_id,
                subjects=[found.view_id],
                after={"revoked_at": found.revoked_at},
            )
            return found

        return await self.store.write(work)

    async def find_by_hash(self, token_hash: str) -> FoundLink | None:
        records = await self.store.query("maps/find_link", hash=token_hash)
        if not records:
            return None
        r = records[0]
        return FoundLink(
            id=r["id"],
            tenant=r["tenant"],
            view_id=r["view_id"],
            options=r["options"],
            expires_at=_native(r["expires_at"]),
            revoked_at=_native(r["revoked_at"]),
            now=_native(r["now"]),
            last_used_at=_native(r["last_used_at"]),
        )

    async def note_use(self, found: FoundLink) -> None:
        """Note that a link was opened, at most once a minute (one write then, none between)."""
        if found.last_used_at is None or found.now - found.last_used_at >= _NOTE_EVERY:
            await self.store.query("maps/note_link_use", write=True, tenant=found.tenant, id=found.id)
