"""Partner-survey rounds and their respondents, kept in Neo4j beside the network (not part of
it: no ``Node`` label, so no network query, export or analytics job ever sees them). Their
personal links are in :mod:`graphsvc.db.survey_links`.

Every change is written to the audit log in its own transaction; starting a round also marks
its respondents' actors as not having answered yet, so it gives the tenant a new data version.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.survey_links import NewLink, create_links
from graphsvc.db.tenant_state import bump_version
from graphsvc.errors import Duplicate, NotFound

__all__ = [
    "RespondentRow",
    "SurveyRound",
    "SurveyRoundRepository",
    "SurveyTie",
]


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


@dataclass(frozen=True)
class SurveyRound:
    """A round as stored, with its counts and the database's time when it was read."""

    tenant: str
    id: str
    name: str
    closes_on: datetime.date
    closes_at: datetime.datetime  # the links stop working at this moment
    created_by: str
    created_at: datetime.datetime
    closed_at: datetime.datetime | None
    closed_by: str | None
    snapshot_id: str | None
    snapshot_name: str | None
    invited: int
    answered: int
    now: datetime.datetime

    @property
    def status(self) -> str:
        """``open``, ``past_closing_date`` (the links no longer work, the round is not closed
        yet) or ``closed``."""
        if self.closed_at is not None:
            return "closed"
        return "past_closing_date" if self.now >= self.closes_at else "open"


@dataclass(frozen=True)
class RespondentRow:
    actor_id: str
    name: str
    answered_at: datetime.datetime | None
    partners: int  # named in this survey, through a link or a spreadsheet
    links: int
    live_links: int
    revoked_at: datetime.datetime | None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None or self.partners > 0


@dataclass(frozen=True)
class SurveyTie:
    """One answer of a survey: ``source`` names ``target``."""

    source: str
    source_name: str
    target: str
    target_name: str
    reciprocated: bool | None


def _round(tenant: str, r: Any) -> SurveyRound:
    return SurveyRound(
        tenant=tenant,
        id=r["id"],
        name=r["name"],
        closes_on=_native(r["closes_on"]),
        closes_at=_native(r["closes_at"]),
        created_by=r["created_by"],
        created_at=_native(r["created_at"]),
        closed_at=_native(r["closed_at"]),
        closed_by=r["closed_by"],
        snapshot_id=r["snapshot_id"],
        snapshot_name=r["snapshot_name"],
        invited=int(r["invited"]),
        answered=int(r["answered"]),
        now=_native(r["now"]),
    )


async def actors_among(tx: AsyncManagedTransaction, tenant: str, ids: list[str]) -> dict[str, str]:
    """Which of ``ids`` are actors of ``tenant``: id -> name."""
    return {r["id"]: r["name"] for r in await run(tx, "surveys/actors_among", tenant=tenant, ids=ids)}


def require_actors(found: dict[str, str], ids: list[str], what: str) -> None:
    missing = [i for i in ids if i not in found]
    if missing:
        shown = ", ".join(repr(i[:60]) for i in missing[:5])
        raise NotFound(f"{what}: there is no organisation with id {shown} in this municipality")


class SurveyRoundRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def start(
        self,
        tenant: str,
        *,
        round_id: str,
        name: str,
        name_key: str,
        closes_on: datetime.date,
        closes_at: datetime.datetime,
        created_by: str,
        links: list[NewLink],
    ) -> SurveyRound:
        """Store a round with one respondent and one link per entry of ``links``, all or none."""
        respondents = [link.actor_id for link in links]

        async def work(tx: AsyncManagedTransaction) -> None:
            if await run(tx, "surveys/round_named", tenant=tenant, name_key=name_key):
                raise Duplicate(f"there is already a survey round called {name!r}: choose another name")
            require_actors(await actors_among(tx, tenant, respondents), respondents, "respondents")
            await run(
                tx,
                "surveys/create_round",
                tenant=tenant,
                id=round_id,
                round_name=name,
                name_key=name_key,
                closes_on=closes_on.isoformat(),
                closes_at=closes_at,
                created_by=created_by,
                respondents=respondents,
            )
            await create_links(tx, tenant, round_id, created_by, links)
            await audit.record(
                tx,
                tenant,
                "start survey round",
                round_id,
                subjects=[round_id, *respondents],
                after={"name": name, "closes_on": closes_on, "respondents": respondents},
            )
            await bump_version(tx, tenant)  # the respondents' survey_status changed

        await self.store.write(work)
        return await self.get(tenant, round_id)

    async def get(self, tenant: str, round_id: str) -> SurveyRound:
        records = await self.store.query("surveys/list_rounds", tenant=tenant, id=round_id)
        if not records:
            raise NotFound(f"there is no survey round {round_id!r} in this municipality")
        return _round(tenant, records[0])

    async def all(self, tenant: str) -> list[SurveyRound]:
        return [
            _round(tenant, r) for r in await self.store.query("surveys/list_rounds", tenant=tenant, id=None)
        ]

    async def respondents(self, tenant: str, found: SurveyRound) -> list[RespondentRow]:
        records = await self.store.query(
            "surveys/respondents", tenant=tenant, round_id=found.id, survey=found.name
        )
        return [
            RespondentRow(
                actor_id=r["actor_id"],
                name=r["name"],
                answered_at=_native(r["answered_at"]),
                partners=int(r["partners"]),
                links=int(r["links"]),
                live_links=int(r["live_links"]),
                revoked_at=_native(r["revoked_at"]),
            )
            for r in records
        ]

    async def survey_ties(self, tenant: str, survey: str) -> list[SurveyTie]:
        records = await self.store.query("surveys/survey_ties", tenant=tenant, survey=survey)
        return [
            SurveyTie(r["source"], r["source_name"], r["target"], r["target_name"], r["reciprocated"])
            for r in records
        ]

    async def close(self, tenant: str, round_id: str, closed_by: str) -> None:
        async def work(tx: AsyncManagedTransaction) -> None:
            records = await run(tx, "surveys/close_round", tenant=tenant, id=round_id, closed_by=closed_by)
            if not records:
                raise NotFound(f"there is no survey round {round_id!r} in this municipality")
            await audit.record(
                tx, tenant, "close survey round", round_id, after={"closed_at": records[0]["closed_at"]}
            )

        await self.store.write(work)

    async def record_snapshot(self, tenant: str, round_id: str, snapshot_id: str, snapshot_name: str) -> None:
        await self.store.query(
            "surveys/record_snapshot",
            write=True,
            tenant=tenant,
            id=round_id,
            snapshot_id=snapshot_id,
            snapshot_name=snapshot_name,
        )
