"""Partner-survey rounds as a coordinator runs them: start a round for chosen organisations,
follow who has answered and who names whom, remind with a fresh link, revoke a respondent's
links, and close the round, optionally with a snapshot named after it.

Everything here needs a coordinator (the respondents' own side is
:mod:`graphsvc.services.survey_answers`). A link's token is shown once, when it is made: the
store keeps only its hash, so a reminder comes with a new link (the earlier ones keep working
until the round closes or they are revoked).

A round's links work until the end of its closing date, Danish time, or until it is closed.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from graphsvc.auth import Role
from graphsvc.auth.tokens import hash_token, new_secret, token_id
from graphsvc.db.survey_links import NewLink, SurveyLinkRepository
from graphsvc.db.survey_rounds import RespondentRow, SurveyRound, SurveyRoundRepository
from graphsvc.domain import MAX_NAME_LENGTH
from graphsvc.errors import InvalidInput, NotFound, Problem
from graphsvc.services import snapshots
from graphsvc.services.scope import Scope
from graphsvc.services.survey_answers import SURVEY_PREFIX, name_key
from graphsvc.services.survey_reciprocity import Reciprocity, reciprocity

__all__ = [
    "MAX_RESPONDENTS",
    "ClosedRound",
    "Invitation",
    "SurveyRound",
    "close_round",
    "get_round",
    "new_link",
    "respondents",
    "revoke_links",
    "round_reciprocity",
    "rounds",
    "start_round",
]

MAX_RESPONDENTS = 1000
MAX_DAYS_OPEN = 366
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class Invitation:
    """A new personal link: ``token`` is shown now and never again."""

    respondent: str
    name: str
    token: str
    link_id: str
    expires_at: datetime.datetime


@dataclass(frozen=True)
class ClosedRound:
    round: SurveyRound
    snapshot: snapshots.Snapshot | None


def closing_moment(closes_on: datetime.date) -> datetime.datetime:
    """When a round's links stop working: the end of its closing date in Danish time (in UTC:
    the driver stores a fixed offset, never a zone's rules)."""
    end = datetime.datetime.combine(closes_on + datetime.timedelta(days=1), datetime.time(), DANISH_TIME)
    return end.astimezone(datetime.UTC)


def _today() -> datetime.date:
    return datetime.datetime.now(DANISH_TIME).date()


def check_round_name(name: str) -> str:
    """A round's name as given (spaces folded), or InvalidInput: it names the survey on every
    answer and the snapshot taken when it closes."""
    text = " ".join(str(name).split())
    if not text:
        raise InvalidInput('name: a survey round needs a name, e.g. "Partnerundersøgelse 2026"')
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidInput(f"name: at most {MAX_NAME_LENGTH} characters, not {len(text)}")
    if any(c in text for c in "<>") or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise InvalidInput("name: a name is plain text: no control characters, < or >")
    if name_key(text) == snapshots.NOW:
        raise InvalidInput(f"name: {snapshots.NOW!r} stands for the network as it is now; choose another")
    return text


async def start_round(
    scope: Scope, name: str, closes_on: datetime.date, respondents: list[str]
) -> tuple[SurveyRound, list[Invitation]]:
    """Start a round called ``name`` for the actors ``respondents``, open until the end of
    ``closes_on``; returns it with one invitation per respondent."""
    caller = scope.require(Role.COORDINATOR)
    name = check_round_name(name)
    problems: list[Problem] = []
    today = _today()
    if not today <= closes_on <= today + datetime.timedelta(days=MAX_DAYS_OPEN):
        problems.append(
            Problem("closesOn", f"from today ({today}) to {MAX_DAYS_OPEN} days ahead, not {closes_on}")
        )
    wanted = list(dict.fromkeys(respondents))
    if not wanted:
        problems.append(Problem("respondents", "choose at least one organisation"))
    if len(wanted) > MAX_RESPONDENTS:
        problems.append(Problem("respondents", f"at most {MAX_RESPONDENTS} organisations, not {len(wanted)}"))
    if problems:
        raise InvalidInput("the survey round was not started", problems)
    round_id = f"survey-{secrets.token_hex(6)}"
    made = [(actor, new_secret(SURVEY_PREFIX)) for actor in wanted]
    links = [NewLink(token_id(hash_token(token)), actor, hash_token(token)) for actor, token in made]
    repository = SurveyRoundRepository(scope.store)
    found = await repository.start(
        scope.tenant,
        round_id=round_id,
        name=name,
        name_key=name_key(name),
        closes_on=closes_on,
        closes_at=closing_moment(closes_on),
        created_by=caller.name,
        links=links,
    )
    names = {r.actor_id: r.name for r in await repository.respondents(scope.tenant, found)}
    invitations = [
        Invitation(actor, names.get(actor, actor), token, link.id, found.closes_at)
        for (actor, token), link in zip(made, links, strict=True)
    ]
    return found, invitations


async def rounds(scope: Scope) -> list[SurveyRound]:
    scope.require(Role.COORDINATOR)
    return await SurveyRoundRepository(scope.store).all(scope.tenant)


async def get_round(scope: Scope, round_id: str) -> SurveyRound:
    scope.require(Role.COORDINATOR)
    return await SurveyRoundRepository(scope.store).get(scope.tenant, round_id)


async def respondents(scope: Scope, found: SurveyRound) -> list[RespondentRow]:
    scope.require(Role.COORDINATOR)
    return await SurveyRoundRepository(scope.store).respondents(scope.tenant, found)


async def round_reciprocity(scope: Scope, found: SurveyRound) -> Reciprocity:
    scope.require(Role.COORDINATOR)
    repository = SurveyRoundRepository(scope.store)
    answered = {r.actor_id for r in await repository.respondents(scope.tenant, found) if r.answered}
    return reciprocity(await repository.survey_ties(scope.tenant, found.name), answered=answered)


async def new_link(scope: Scope, round_id: str, respondent: str) -> Invitation:
    """Another link for a respondent of an open round (for a reminder)."""
    caller = scope.require(Role.COORDINATOR)
    repository = SurveyRoundRepository(scope.store)
    found = await repository.get(scope.tenant, round_id)
    token = new_secret(SURVEY_PREFIX)
    link = NewLink(token_id(hash_token(token)), respondent, hash_token(token))
    await SurveyLinkRepository(scope.store).issue_link(scope.tenant, round_id, link, caller.name)
    name = next(
        (r.name for r in await repository.respondents(scope.tenant, found) if r.actor_id == respondent), ""
    )
    return Invitation(respondent, name, token, link.id, found.closes_at)


async def revoke_links(scope: Scope, round_id: str, respondent: str) -> RespondentRow:
    """Revoke every link the respondent has been given in the round."""
    scope.require(Role.COORDINATOR)
    repository = SurveyRoundRepository(scope.store)
    found = await repository.get(scope.tenant, round_id)
    await SurveyLinkRepository(scope.store).revoke_links(scope.tenant, round_id, respondent)
    row = next(
        (r for r in await repository.respondents(scope.tenant, found) if r.actor_id == respondent), None
    )
    if row is None:
        raise NotFound(f"{respondent!r} is not a respondent of survey round {round_id!r}")
    return row


async def close_round(scope: Scope, round_id: str, *, take_snapshot: bool = True) -> ClosedRound:
    """Close the round: every link stops working at once. With ``take_snapshot``, a snapshot
    named after the round records the network as the answers left it (refused, before
    anything is closed, when a snapshot of that name exists)."""
    caller = scope.require(Role.COORDINATOR)
    repository = SurveyRoundRepository(scope.store)
    found = await repository.get(scope.tenant, round_id)
    snap = found.snapshot_id is None and take_snapshot
    if snap and any(name_key(s.name) == name_key(found.name) for s in await snapshots.list_snapshots(scope)):
        raise InvalidInput(
            f"there is already a snapshot called {found.name!r}: close the round without a snapshot, "
            "or delete that snapshot first"
        )
    await repository.close(scope.tenant, round_id, caller.name)
    taken = None
    if snap:
        taken = await snapshots.create_snapshot(scope, found.name, taken_on=_today())
        await repository.record_snapshot(scope.tenant, round_id, taken.id, taken.name)
    return ClosedRound(round=await repository.get(scope.tenant, round_id), snapshot=taken)
