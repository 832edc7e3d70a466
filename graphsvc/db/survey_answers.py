"""A respondent's answers, stored as collaboration ties in the shape the spreadsheet survey
import gives them, with the organisations it suggests that are not on the list.

Every change of a round's answers runs in one transaction whose first read takes the round's
lock (``cypher/surveys/answer_state.cypher``): the answers of a round are stored one after the
other, so each sees those before it when reciprocity is settled, and none crosses the round
closing or its link being revoked. Under the lock the stored ties are read, a pure *planner*
given by the caller decides the ties to write, and one statement writes them; the tenant's data
version comes last. The lock is held for those statements only: the audit entry (a new node,
which nothing else waits for) is written before it. A refusal anywhere writes nothing.

Why one lock for the round rather than one per organisation, which would let answers about
different organisations be stored side by side: answers touch organisations in every order,
and writing a tie also locks its two ends, so per-organisation locks leave Neo4j finding
deadlocks and retrying after a pause of a second; and settling against the ties read without a
lock, then writing only if they are unchanged, makes most answers of a busy round settle twice
or more (measured with bench/survey_bench.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import tie_from_record
from graphsvc.db.survey_records import (
    Answer,
    NewPartner,
    Planner,
    RespondentState,
    SurveyLinkGone,
)
from graphsvc.db.survey_rounds import require_actors
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Frequency, TieType
from graphsvc.errors import InvalidInput, NotFound

__all__ = ["Locked", "SurveyAnswerRepository", "store_answers"]

COLLABORATES = TieType.COLLABORATES_WITH


@dataclass(frozen=True)
class Locked:
    """What :func:`store_answers` read under the round's lock, and the partners' names."""

    row: dict[str, Any]
    state: RespondentState
    names: dict[str, str]


class SurveyAnswerRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def answers(self, tenant: str, actor_id: str, survey: str) -> list[tuple[Answer, str]]:
        """The respondent's answers in ``survey``, each with its partner's name."""
        records = await self.store.query("surveys/answers", tenant=tenant, actor_id=actor_id, survey=survey)
        return [
            (Answer(r["partner"], Frequency(r["frequency"]), r["trust"], r["value"]), r["name"])
            for r in records
            if r["frequency"] and r["trust"] and r["value"]  # a spreadsheet may leave answers out
        ]

    async def respondent(self, tenant: str, round_id: str, actor_id: str) -> tuple[bool, list[NewPartner]]:
        """Whether the respondent has answered, and its pending suggestions."""
        records = await self.store.query(
            "surveys/respondent", tenant=tenant, round_id=round_id, actor_id=actor_id
        )
        if not records:
            raise NotFound(f"{actor_id!r} is not a respondent of survey round {round_id!r}")
        pending = [
            NewPartner(g["name"], g["name_key"], Frequency(g["frequency"]), g["trust"], g["value"])
            for g in records[0]["suggestions"]
        ]
        return bool(records[0]["answered"]), pending

    async def submit(
        self,
        tenant: str,
        round_id: str,
        *,
        respondent: str,
        link_id: str,
        answers: Sequence[Answer],
        suggestions: Sequence[NewPartner],
        planner: Planner,
    ) -> dict[str, str]:
        """Store a respondent's answers (replacing its earlier ones) and its suggestions;
        returns the names of the partners it named."""
        partners = [a.partner for a in answers]
        after = {
            "partners": [
                {"partner": a.partner, "frequency": a.frequency.value, "trust": a.trust, "value": a.value}
                for a in answers
            ],
            "suggested": [s.name for s in suggestions],
        }
        rows = [
            {
                "id": f"sg-{secrets.token_hex(6)}",
                "name": s.name,
                "name_key": s.name_key,
                "frequency": s.frequency.value,
                "trust": s.trust,
                "value": s.value,
            }
            for s in suggestions
        ]

        async def work(tx: AsyncManagedTransaction) -> dict[str, str]:
            # The entry holds the whole answer: the one before it says what was there before.
            await audit.record(
                tx, tenant, "answer partner survey", respondent, subjects=[respondent, *partners], after=after
            )
            locked = await store_answers(
                tx, tenant, round_id, respondent, partners, planner, link_id=link_id, suggestions=rows
            )
            await bump_version(tx, tenant)
            return locked.names

        return await self.store.write(work)


def _check_open(row: Any) -> None:
    if row["closed_at"] is not None:
        raise SurveyLinkGone("the survey round is closed", "closed")
    if row["now"].to_native() >= row["closes_at"].to_native():
        raise SurveyLinkGone("the survey round's closing date has passed", "expired")
    if row["link_revoked_at"] is not None:
        raise SurveyLinkGone("this survey link has been revoked", "revoked")


async def store_answers(
    tx: AsyncManagedTransaction,
    tenant: str,
    round_id: str,
    respondent: str,
    partners: list[str],
    planner: Planner,
    *,
    link_id: str | None,
    suggestions: list[dict[str, Any]] | None,
) -> Locked:
    """Under the round's lock, read the respondent's ties and write what ``planner`` decides.
    With ``link_id`` (the respondent sends its answers) the round must be open and the link
    working, and ``suggestions`` replace its pending ones; without (a coordinator settles a
    suggestion) neither is checked nor changed. NotFound for a partner that is no actor."""
    rows = await run(
        tx,
        "surveys/answer_state",
        tenant=tenant,
        round_id=round_id,
        respondent=respondent,
        link_id=link_id,
        ids=partners,
    )
    if not rows:
        raise SurveyLinkGone("this organisation is not a respondent of the survey round", "deleted")
    row = dict(rows[0])
    sent = link_id is not None
    if sent:
        _check_open(row)
    names = {i: name for i, name in row["found"]}
    require_actors(names, partners, "partners")
    state = RespondentState(
        respondent=respondent,
        outgoing={t: tie_from_record(respondent, COLLABORATES.value, t, p) for t, p in row["outgoing"]},
        incoming={s: tie_from_record(s, COLLABORATES.value, respondent, p) for s, p in row["incoming"]},
        answered=frozenset(row["answered"]),
    )
    changes = planner(state)
    upserts = [{"source": t.source, "target": t.target, "props": t.properties()} for t in changes.upserts]
    written = await run(
        tx,
        "surveys/write_answers",
        tenant=tenant,
        round_id=round_id,
        respondent=respondent,
        upserts=upserts,
        deleted=changes.deleted,
        sent=sent,
        suggestions=suggestions or [],
    )
    if int(written[0]["written"]) != len(upserts):  # raising undoes the whole transaction
        raise InvalidInput("an organisation named was deleted while the answers were stored: send them again")
    return Locked(row=row, state=state, names=names)
