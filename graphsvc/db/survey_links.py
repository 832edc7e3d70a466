"""The personal links of a partner survey's respondents: a token like a share link's, stored
only as its SHA-256, revocable, working until its round closes. A respondent may be given
several (a reminder makes a new one); revoking stops all it has been given so far.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.errors import InvalidInput, NotFound

__all__ = ["FoundSurveyLink", "NewLink", "SurveyLinkRepository", "create_links"]


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


@dataclass(frozen=True)
class NewLink:
    """A link about to be stored: its public id, respondent and the hash of its token."""

    id: str
    actor_id: str
    hash: str


@dataclass(frozen=True)
class FoundSurveyLink:
    """A survey link found by its token, with its round and respondent as they are now."""

    id: str
    tenant: str
    round_id: str
    round_name: str | None  # None: the round is gone
    closes_on: datetime.date | None
    closes_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    actor_id: str
    actor_name: str | None  # None: the respondent's actor was deleted
    revoked_at: datetime.datetime | None
    now: datetime.datetime


class SurveyLinkRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def issue_link(self, tenant: str, round_id: str, link: NewLink, created_by: str) -> None:
        """Another link for a respondent of an open round (a reminder, or after a revocation)."""

        async def work(tx: AsyncManagedTransaction) -> None:
            state = await run(
                tx,
                "surveys/lock_round",
                tenant=tenant,
                round_id=round_id,
                actor_id=link.actor_id,
                link_id=None,
            )
            if not state:
                raise NotFound(f"{link.actor_id!r} is not a respondent of survey round {round_id!r}")
            if state[0]["closed_at"] is not None or _native(state[0]["now"]) >= _native(
                state[0]["closes_at"]
            ):
                raise InvalidInput("the round is closed: its links no longer work, and no new ones are made")
            await create_links(tx, tenant, round_id, created_by, [link])
            await audit.record(
                tx,
                tenant,
                "issue survey link",
                link.id,
                subjects=[link.actor_id, round_id],
                after={"round": round_id, "respondent": link.actor_id},
            )

        await self.store.write(work)

    async def revoke_links(self, tenant: str, round_id: str, actor_id: str) -> int:
        """Revoke every link the respondent has; returns how many worked until now."""

        async def work(tx: AsyncManagedTransaction) -> int:
            records = await run(
                tx, "surveys/revoke_links", tenant=tenant, round_id=round_id, actor_id=actor_id
            )
            if not records:
                raise NotFound(f"{actor_id!r} is not a respondent of survey round {round_id!r}")
            revoked = int(records[0]["revoked"])
            await audit.record(
                tx,
                tenant,
                "revoke survey links",
                actor_id,
                subjects=[actor_id, round_id],
                after={"round": round_id, "links_revoked": revoked},
            )
            return revoked

        return await self.store.write(work)

    async def find_link(self, token_hash: str) -> FoundSurveyLink | None:
        records = await self.store.query("surveys/find_link", hash=token_hash)
        if not records:
            return None
        r = records[0]
        return FoundSurveyLink(
            id=r["id"],
            tenant=r["tenant"],
            round_id=r["round_id"],
            round_name=r["round_name"],
            closes_on=_native(r["closes_on"]),
            closes_at=_native(r["closes_at"]),
            closed_at=_native(r["closed_at"]),
            actor_id=r["actor_id"],
            actor_name=r["actor_name"],
            revoked_at=_native(r["revoked_at"]),
            now=_native(r["now"]),
        )

    async def search_actors(
        self, tenant: str, query: str, *, exclude: str, limit: int
    ) -> list[tuple[str, str]]:
        records = await self.store.query(
            "surveys/search_actors", tenant=tenant, query=query, exclude=exclude, limit=limit
        )
        return [(r["id"], r["name"]) for r in records]


async def create_links(
    tx: AsyncManagedTransaction, tenant: str, round_id: str, created_by: str, links: list[NewLink]
) -> None:
    rows = [{"id": link.id, "actor_id": link.actor_id, "hash": link.hash} for link in links]
    records = await run(
        tx, "surveys/create_links", tenant=tenant, round_id=round_id, created_by=created_by, links=rows
    )
    if int(records[0]["created"]) != len(links):  # a respondent vanished meanwhile: undo it all
        raise NotFound("a respondent of the round was not found; nothing was stored, try again")
