"""What the partner survey's store hands to the services and takes from them: answers,
suggested organisations, a respondent's ties as read, and what a planner decides to write."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphsvc.domain import Frequency, Tie
from graphsvc.errors import NotFound

__all__ = [
    "Answer",
    "FoundSuggestion",
    "NewPartner",
    "Planner",
    "RespondentState",
    "Suggestion",
    "SurveyLinkGone",
    "TieChanges",
    "suggestion_of",
]


class SurveyLinkGone(NotFound):
    """A survey link that existed no longer works: ``reason`` is ``closed``, ``expired`` (the
    closing date has passed), ``revoked`` or ``deleted`` (its round or organisation is gone)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Answer:
    """A respondent's answer about one partner (the spreadsheet survey's columns)."""

    partner: str
    frequency: Frequency
    trust: int
    value: int


@dataclass(frozen=True)
class NewPartner:
    """An organisation a respondent works with that is not on the list, with its answers."""

    name: str
    name_key: str
    frequency: Frequency
    trust: int
    value: int


@dataclass(frozen=True)
class RespondentState:
    """A respondent's collaboration ties as stored, and which actors at their other ends (or
    named now) have answered the survey."""

    respondent: str
    outgoing: dict[str, Tie]  # target -> tie
    incoming: dict[str, Tie]  # source -> tie
    answered: frozenset[str]


@dataclass(frozen=True)
class TieChanges:
    """What a planner decided: ties to write whole, and targets of the respondent's ties to
    delete."""

    upserts: list[Tie]
    deleted: list[str]


Planner = Callable[[RespondentState], TieChanges]


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    name_key: str
    actor_id: str  # the respondent who suggested it
    actor_name: str | None
    frequency: Frequency | None
    trust: int | None
    value: int | None
    status: str  # pending, approved, merged or rejected
    decided_actor: str | None
    decided_actor_name: str | None
    created_at: datetime.datetime | None


@dataclass(frozen=True)
class FoundSuggestion:
    id: str
    round_id: str
    round_name: str
    name: str
    name_key: str
    status: str


def suggestion_of(r: Any) -> Suggestion:
    """A suggestion from a record of ``surveys/suggestions``."""
    created = r["created_at"]
    return Suggestion(
        id=r["id"],
        name=r["name"],
        name_key=r["name_key"],
        actor_id=r["actor_id"],
        actor_name=r["actor_name"],
        frequency=Frequency(r["frequency"]) if r["frequency"] else None,
        trust=r["trust"],
        value=r["value"],
        status=r["status"],
        decided_actor=r["decided_actor"],
        decided_actor_name=r["decided_actor_name"],
        created_at=created.to_native() if created is not None else None,
    )
