"""Presentations and their share links, kept in Neo4j beside the network (not part of it: no
``Node`` label, so no network query, export or analytics job ever sees them, and saving one does
not change the tenant's data version).

A presentation is one ``(:Presentation {tenant, id, title, name_key, steps, created_by,
created_at, updated_at})`` node; ``steps`` is JSON (a list of ``{view, heading, text}`` in
order), so a presentation is written, reordered and replaced whole, in one transaction. Its
views are checked in that same transaction, so a view deleted meanwhile cannot slip in.

A share link (``PresentationLink``) stores the SHA-256 of its token, never the token. Every
change is written to the audit log in its own transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.errors import Duplicate, InvalidInput, NotFound, Problem

__all__ = [
    "FoundPresentationLink",
    "PresentationRepository",
    "StoredPresentation",
    "StoredPresentationLink",
    "StoredStep",
]

_NOTE_EVERY = timedelta(minutes=1)  # how often a link's last use is noted at most


@dataclass(frozen=True)
class StoredStep:
    view_id: str
    heading: str
    text: str


@dataclass(frozen=True)
class StoredPresentation:
    id: str
    tenant: str
    title: str
    steps: tuple[StoredStep, ...]
    created_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class StoredPresentationLink:
    id: str
    tenant: str
    presentation_id: str
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = None


@dataclass(frozen=True)
class FoundPresentationLink:
    """A link found by its token, with the database's time when it was read."""

    id: str
    tenant: str
    presentation_id: str
    exists: bool  # False: its presentation was deleted
    expires_at: datetime | None
    revoked_at: datetime | None
    now: datetime
    last_used_at: datetime | None = None


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _steps_json(steps: tuple[StoredStep, ...]) -> str:
    return json.dumps(
        [{"view": s.view_id, "heading": s.heading, "text": s.text} for s in steps], ensure_ascii=False
    )


def _presentation(tenant: str, r: Any) -> StoredPresentation:
    steps = tuple(StoredStep(s["view"], s["heading"], s["text"]) for s in json.loads(r["steps"]))
    return StoredPresentation(
        id=r["id"],
        tenant=tenant,
        title=r["title"],
        steps=steps,
        created_by=r["created_by"],
        created_at=_native(r["created_at"]),
        updated_at=_native(r["updated_at"]),
    )


def _link(tenant: str, r: Any) -> StoredPresentationLink:
    return StoredPresentationLink(
        id=r["id"],
        tenant=tenant,
        presentation_id=r["presentation_id"],
        created_by=r["created_by"],
        created_at=_native(r["created_at"]),
        expires_at=_native(r["expires_at"]),
        revoked_at=_native(r["revoked_at"]),
        last_used_at=_native(r["last_used_at"]),
    )


def _not_found(tenant: str, presentation_id: str) -> NotFound:
    return NotFound(f"there is no presentation {presentation_id!r} in tenant {tenant!r}")


async def _check(
    tx: AsyncManagedTransaction,
    tenant: str,
    title: str,
    name_key: str,
    steps: tuple[StoredStep, ...],
    own: str | None,
) -> None:
    """Refuse a title another presentation has, and views the tenant does not have."""
    if await run(tx, "presentations/title_taken", tenant=tenant, name_key=name_key, id=own):
        raise Duplicate(
            f"tenant {tenant!r} already has a presentation called {title!r}: choose another title"
        )
    missing = await run(tx, "presentations/missing_views", tenant=tenant, views=[s.view_id for s in steps])
    if missing:
        positions = {s.view_id: i for i, s in enumerate(steps, start=1)}
        raise InvalidInput(
            "the presentation shows map views that do not exist",
            [
                Problem(f"steps[{positions[r['id']]}].viewId", f"there is no saved map view {r['id']!r}")
                for r in missing
            ],
        )


class PresentationRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def create(
        self,
        tenant: str,
        presentation_id: str,
        *,
        title: str,
        name_key: str,
        steps: tuple[StoredStep, ...],
        created_by: str,
    ) -> StoredPresentation:
        text = _steps_json(steps)

        async def work(tx: AsyncManagedTransaction) -> StoredPresentation:
            await _check(tx, tenant, title, name_key, steps, None)
            records = await run(
                tx,
                "presentations/create_presentation",
                tenant=tenant,
                id=presentation_id,
                title=title,
                name_key=name_key,
                steps=text,
                created_by=created_by,
            )
            await audit.record(
                tx, tenant, "create presentation", presentation_id, after={"title": title, "steps": text}
            )
            return _presentation(tenant, records[0])

        return await self._write(work, tenant, title)

    async def update(
        self, tenant: str, presentation_id: str, *, title: str, name_key: str, steps: tuple[StoredStep, ...]
    ) -> StoredPresentation:
        text = _steps_json(steps)

        async def work(tx: AsyncManagedTransaction) -> StoredPresentation:
            before = await run(tx, "presentations/get_presentation", tenant=tenant, id=presentation_id)
            if not before:
                raise _not_found(tenant, presentation_id)
            await _check(tx, tenant, title, name_key, steps, presentation_id)
            records = await run(
                tx,
                "presentations/update_presentation",
                tenant=tenant,
                id=presentation_id,
                title=title,
                name_key=name_key,
                steps=text,
            )
            await audit.record(
                tx,
                tenant,
                "change presentation",
                presentation_id,
                before={"title": before[0]["title"], "steps": before[0]["steps"]},
                after={"title": title, "steps": text},
            )
            return _presentation(tenant, records[0])

        return await self._write(work, tenant, title)

    async def _write(self, work: Any, tenant: str, title: str) -> StoredPresentation:
        try:
            return await self.store.write(work)  # type: ignore[no-any-return]
        except Duplicate as e:  # the title was taken by a concurrent write after the check
            raise Duplicate(
                f"tenant {tenant!r} already has a presentation called {title!r}: choose another title"
            ) from e

    async def get(self, tenant: str, presentation_id: str) -> StoredPresentation:
        records = await self.store.query("presentations/get_presentation", tenant=tenant, id=presentation_id)
        if not records:
            raise _not_found(tenant, presentation_id)
        return _presentation(tenant, records[0])

    async def all(self, tenant: str) -> list[StoredPresentation]:
        records = await self.store.query("presentations/list_presentations", tenant=tenant)
        return [_presentation(tenant, r) for r in records]

    async def delete(self, tenant: str, presentation_id: str) -> int:
        """Delete a presentation; returns how many of its share links were revoked with it."""

        async def work(tx: AsyncManagedTransaction) -> int:
            records = await run(tx, "presentations/delete_presentation", tenant=tenant, id=presentation_id)
            if not records:
                raise _not_found(tenant, presentation_id)
            await audit.record(tx, tenant, "delete presentation", presentation_id)
            return int(records[0]["links"])

        return await self.store.write(work)

    async def view_options(self, tenant: str, view_ids: list[str]) -> dict[str, str]:
        """The options (JSON) of those of ``view_ids`` the tenant has."""
        records = await self.store.query("presentations/views_of", tenant=tenant, views=view_ids)
        return {r["id"]: r["options"] for r in records}

    async def create_link(
        self,
        tenant: str,
        presentation_id: str,
        link_id: str,
        token_hash: str,
        created_by: str,
        expires_at: datetime | None,
    ) -> StoredPresentationLink:
        async def work(tx: AsyncManagedTransaction) -> StoredPresentationLink:
            records = await run(
                tx,
                "presentations/create_link",
                tenant=tenant,
                presentation=presentation_id,
                id=link_id,
                hash=token_hash,
                created_by=created_by,
                expires_at=expires_at,
            )
            if not records:
                raise _not_found(tenant, presentation_id)
            await audit.record(
                tx,
                tenant,
                "create presentation link",
                link_id,
                subjects=[presentation_id],
                after={"presentation": presentation_id, "expires_at": expires_at},
            )
            return _link(tenant, records[0])

        return await self.store.write(work)

    async def links(self, tenant: str, presentation_id: str | None = None) -> list[StoredPresentationLink]:
        records = await self.store.query(
            "presentations/list_links", tenant=tenant, presentation=presentation_id
        )
        return [_link(tenant, r) for r in records]

    async def link(self, tenant: str, link_id: str) -> StoredPresentationLink:
        records = await self.store.query("presentations/get_link", tenant=tenant, id=link_id)
        if not records:
            raise NotFound(f"there is no presentation link {link_id!r} in tenant {tenant!r}")
        return _link(tenant, records[0])

    async def revoke_link(self, tenant: str, link_id: str) -> StoredPresentationLink:
        async def work(tx: AsyncManagedTransaction) -> StoredPresentationLink:
            records = await run(tx, "presentations/revoke_link", tenant=tenant, id=link_id)
            if not records:
                raise NotFound(f"there is no presentation link {link_id!r} in tenant {tenant!r}")
            found = _link(tenant, records[0])
            await audit.record(
                tx,
                tenant,
                "revoke presentation link",
                link_id,
                subjects=[found.presentation_id],
                after={"revoked_at": found.revoked_at},
            )
            return found

        return await self.store.write(work)

    async def find_by_hash(self, token_hash: str) -> FoundPresentationLink | None:
        records = await self.store.query("presentations/find_link", hash=token_hash)
        if not records:
            return None
        r = records[0]
        return FoundPresentationLink(
            id=r["id"],
            tenant=r["tenant"],
            presentation_id=r["presentation_id"],
            exists=bool(r["exists"]),
            expires_at=_native(r["expires_at"]),
            revoked_at=_native(r["revoked_at"]),
            now=_native(r["now"]),
            last_used_at=_native(r["last_used_at"]),
        )

    async def note_use(self, found: FoundPresentationLink) -> None:
        """Note that a link was opened, at most once a minute."""
        if found.last_used_at is None or found.now - found.last_used_at >= _NOTE_EVERY:
            await self.store.query(
                "presentations/note_link_use", write=True, tenant=found.tenant, id=found.id
            )
