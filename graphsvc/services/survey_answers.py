"""A partner survey as its respondent meets it, through a personal link and no account.

A link's token (``gss_`` and 256 random bits, stored only as its SHA-256) stands for one
organisation in one round of one tenant, and for nothing else: the questionnaire of that
organisation, the names (only) of the tenant's organisations to choose partners from, its
answers, and its own ego map drawn with a viewer's rights. It stops working when its round
closes (on the closing date, or when the coordinator closes it) or it is revoked.

Answers are checked in full before anything is written; a refused answer writes nothing. A
request may carry the respondent's id, which must be the link's own: a link never answers for
another organisation.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphsvc import audit
from graphsvc.auth import Principal, Role
from graphsvc.auth.tokens import hash_token
from graphsvc.db.nodes import lucene_query
from graphsvc.db.survey_answers import SurveyAnswerRepository
from graphsvc.db.survey_links import FoundSurveyLink, SurveyLinkRepository
from graphsvc.db.survey_records import Answer, NewPartner, SurveyLinkGone
from graphsvc.domain import MAX_NAME_LENGTH, Frequency
from graphsvc.errors import Forbidden, InvalidInput, NotFound, Problem
from graphsvc.maps import MapKind, MapOptions, YoungPeople
from graphsvc.services.store import GraphStore
from graphsvc.services.survey_ties import answers_planner

__all__ = [
    "MAX_PARTNERS",
    "MAX_SUGGESTIONS",
    "SURVEY_PREFIX",
    "Questionnaire",
    "RespondentLink",
    "SurveyLinkGone",
    "SurveyLinkUnknown",
    "ego_map_options",
    "link_for_answers",
    "open_survey_link",
    "questionnaire",
    "respondent_caller",
    "search_organisations",
    "submit_answers",
]

SURVEY_PREFIX = "gss_"
MAX_PARTNERS = 200
MAX_SUGGESTIONS = 20
MAX_SEARCH = 20
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]")
_MARKUP = re.compile(r"[<>]")


class SurveyLinkUnknown(NotFound):
    """No survey link has this token."""


@dataclass(frozen=True)
class RespondentLink:
    """What a working survey link stands for."""

    link_id: str
    tenant: str
    round_id: str
    round_name: str
    closes_on: datetime.date
    respondent: str
    respondent_name: str


@dataclass(frozen=True)
class Questionnaire:
    """The respondent's questionnaire as it stands: its answers and pending suggestions."""

    link: RespondentLink
    answered: bool
    answers: list[tuple[Answer, str]]  # with the partner's name
    suggestions: list[NewPartner]


# Who a link stands for — its tenant, round and organisation — never changes; only whether it
# still works does, and storing an answer checks that again under the round's lock. So a link
# seen working is remembered (by its token's hash), and an answer sent through it is stored in
# one transaction instead of two: when many answer at once, Neo4j's time is what they wait for.
_SEEN: dict[str, RespondentLink] = {}
_SEEN_MAX = 10_000


async def open_survey_link(store: GraphStore, token: str) -> RespondentLink:
    """The respondent a token stands for: :class:`SurveyLinkUnknown` for an unknown token,
    :class:`SurveyLinkGone` for a link that no longer works."""
    if not token.startswith(SURVEY_PREFIX) or len(token) > 100:
        raise SurveyLinkUnknown("there is no such survey link")
    link = _working(await SurveyLinkRepository(store).find_link(hash_token(token)))
    if len(_SEEN) >= _SEEN_MAX:
        _SEEN.clear()
    _SEEN[hash_token(token)] = link
    return link


async def link_for_answers(store: GraphStore, token: str) -> RespondentLink:
    """The respondent a token stands for, to send answers through: a link seen working is not
    looked up again (:func:`submit_answers` refuses it if it has stopped working since)."""
    if token.startswith(SURVEY_PREFIX) and len(token) <= 100:
        known = _SEEN.get(hash_token(token))
        if known is not None:
            return known
    return await open_survey_link(store, token)


def _working(found: FoundSurveyLink | None) -> RespondentLink:
    if found is None:
        raise SurveyLinkUnknown("there is no such survey link")
    if found.round_name is None or found.actor_name is None or found.closes_on is None:
        raise SurveyLinkGone("the survey this link belonged to has been deleted", "deleted")
    if found.closed_at is not None:
        raise SurveyLinkGone("the survey round is closed", "closed")
    if found.closes_at is not None and found.now >= found.closes_at:
        raise SurveyLinkGone("the survey round's closing date has passed", "expired")
    if found.revoked_at is not None:
        raise SurveyLinkGone("this survey link has been revoked", "revoked")
    return RespondentLink(
        link_id=found.id,
        tenant=found.tenant,
        round_id=found.round_id,
        round_name=found.round_name,
        closes_on=found.closes_on,
        respondent=found.actor_id,
        respondent_name=found.actor_name,
    )


def respondent_caller(link: RespondentLink) -> Principal:
    """The respondent as a caller: a viewer of its tenant (the audience of
    :mod:`graphsvc.services.audience`: no young person, no contact person)."""
    return Principal(name=f"survey link {link.link_id}", role=Role.VIEWER, tenant=link.tenant)


def ego_map_options(link: RespondentLink, lang: str) -> MapOptions:
    """The respondent's own ego map: its organisation and its partners, one step, no young
    people (not even as groups)."""
    return MapOptions(
        kind=MapKind.EGO,
        actor=link.respondent,
        depth=1,
        young=YoungPeople.NONE,
        lang=lang if lang == "en" else "da",
    )


async def questionnaire(store: GraphStore, link: RespondentLink) -> Questionnaire:
    repository = SurveyAnswerRepository(store)
    answers = await repository.answers(link.tenant, link.respondent, link.round_name)
    answered, pending = await repository.respondent(link.tenant, link.round_id, link.respondent)
    return Questionnaire(link=link, answered=answered, answers=answers, suggestions=pending)


async def search_organisations(store: GraphStore, link: RespondentLink, text: str) -> list[tuple[str, str]]:
    """Up to 20 of the tenant's organisations whose names match ``text``: (id, name) only."""
    query = lucene_query(text[:200])
    if query is None:
        return []
    return await SurveyLinkRepository(store).search_actors(
        link.tenant, query, exclude=link.respondent, limit=MAX_SEARCH
    )


async def submit_answers(
    store: GraphStore,
    link: RespondentLink,
    *,
    respondent: str | None,
    partners: Sequence[Any],
    suggestions: Sequence[Any],
) -> Questionnaire:
    """Store the respondent's answers, replacing its earlier ones; refused whole (nothing
    written) when any answer is wrong, or when ``respondent`` is not the link's own."""
    if respondent is not None and respondent != link.respondent:
        raise Forbidden("a survey link answers for its own organisation only")
    answers = _answers(partners, link.respondent)
    new = _suggestions(suggestions)
    with audit.acting_as(f"survey link {link.link_id} ({link.respondent})"):
        async with _in_turn(link.round_id):
            names = await SurveyAnswerRepository(store).submit(
                link.tenant,
                link.round_id,
                respondent=link.respondent,
                link_id=link.link_id,
                answers=answers,
                suggestions=new,
                planner=answers_planner(link.round_name, answers),
            )
    # The questionnaire as stored, from what was just written: no second read.
    named = sorted(((a, names[a.partner]) for a in answers), key=lambda x: (x[1].casefold(), x[0].partner))
    return Questionnaire(link=link, answered=True, answers=named, suggestions=new)


# The answers of a round are stored one after the other: the round's lock in Neo4j sees to it
# across processes. Queued here first, in the order they came, they wait in this process without
# holding a connection or a lock waiter in Neo4j, which on two shared cores costs the answer being
# stored its time (bench/survey_bench.py). One queue per round and event loop.
_TURNS: dict[tuple[int, str], asyncio.Lock] = {}


@contextlib.asynccontextmanager
async def _in_turn(round_id: str) -> AsyncIterator[None]:
    turn = _TURNS.setdefault((id(asyncio.get_running_loop()), round_id), asyncio.Lock())
    async with turn:
        yield


def name_key(name: str) -> str:
    """Two names that differ only in case and spacing are the same name."""
    return " ".join(name.split()).casefold()


def _scores(
    item: Mapping[str, Any], where: str, problems: list[Problem]
) -> tuple[Frequency, int, int] | None:
    frequency: Frequency | None = None
    raw = item.get("frequency")
    try:
        frequency = Frequency(str(raw)) if isinstance(raw, str) else None
    except ValueError:
        frequency = None
    if frequency is None:
        choices = ", ".join(f.value for f in Frequency)
        problems.append(Problem(f"{where}.frequency", f"one of {choices}, not {str(raw)[:20]!r}"))
    scores = []
    for field in ("trust", "value"):
        raw = item.get(field)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 4:
            problems.append(Problem(f"{where}.{field}", f"1 to 4, not {str(raw)[:20]!r}"))
            scores.append(0)
        else:
            scores.append(raw)
    if frequency is None or 0 in scores:
        return None
    return frequency, scores[0], scores[1]


def _answers(items: Sequence[Any], respondent: str) -> list[Answer]:
    if len(items) > MAX_PARTNERS:
        raise InvalidInput(f"partners: at most {MAX_PARTNERS} organisations, not {len(items)}")
    problems: list[Problem] = []
    answers: list[Answer] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"partners[{i}]"
        if not isinstance(item, Mapping):
            problems.append(Problem(where, "an answer is an object with partner, frequency, trust and value"))
            continue
        partner = item.get("partner")
        if not isinstance(partner, str) or not _ID.fullmatch(partner):
            problems.append(Problem(f"{where}.partner", "not the id of an organisation"))
            partner = None
        elif partner == respondent:
            problems.append(Problem(f"{where}.partner", "an organisation is not its own partner"))
            partner = None
        elif partner in seen:
            problems.append(Problem(f"{where}.partner", "this organisation is named twice"))
            partner = None
        scores = _scores(item, where, problems)
        if partner is not None and scores is not None:
            seen.add(partner)
            answers.append(Answer(partner, *scores))
    if problems:
        raise InvalidInput("the answers were not saved", problems)
    return answers


def _suggestions(items: Sequence[Any]) -> list[NewPartner]:
    if len(items) > MAX_SUGGESTIONS:
        raise InvalidInput(f"newPartners: at most {MAX_SUGGESTIONS} organisations, not {len(items)}")
    problems: list[Problem] = []
    found: list[NewPartner] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"newPartners[{i}]"
        if not isinstance(item, Mapping):
            problems.append(
                Problem(where, "a new organisation is an object with name, frequency, trust and value")
            )
            continue
        name = _organisation_name(item.get("name"), f"{where}.name", problems)
        if name is not None and name_key(name) in seen:
            problems.append(Problem(f"{where}.name", "this organisation is named twice"))
            name = None
        scores = _scores(item, where, problems)
        if name is not None and scores is not None:
            seen.add(name_key(name))
            found.append(NewPartner(name, name_key(name), *scores))
    if problems:
        raise InvalidInput("the answers were not saved", problems)
    return found


def _organisation_name(value: Any, where: str, problems: list[Problem]) -> str | None:
    """A name typed by a respondent: plain text of 1-200 characters (no markup: an
    organisation's name never needs ``<`` or ``>``)."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text:
        problems.append(Problem(where, "the organisation needs a name"))
    elif len(text) > MAX_NAME_LENGTH:
        problems.append(Problem(where, f"at most {MAX_NAME_LENGTH} characters, not {len(text)}"))
    elif _CONTROL.search(text) or _MARKUP.search(text):
        problems.append(Problem(where, "a name is plain text: no control characters, < or >"))
    else:
        return text
    return None
