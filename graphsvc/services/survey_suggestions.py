"""Organisations respondents work with that were not on the list: *suggestions*, pending until a
coordinator approves one as a new actor, merges it into an existing actor, or rejects it.

A suggestion carries its respondent's answers about it; once approved or merged, they become
that respondent's answer about the actor, a collaboration tie like any other answer of the
survey. Suggestions of the same name in a round (case and spacing ignored) are settled
together: two respondents naming "Hvalsø Petanque" name the same club.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from graphsvc.auth import Role
from graphsvc.db.survey_records import Answer, FoundSuggestion, Planner, Suggestion
from graphsvc.db.survey_rounds import SurveyRoundRepository
from graphsvc.db.survey_suggestions import SurveySuggestionRepository
from graphsvc.domain import Actor, Arena, Kind, Sector
from graphsvc.errors import InvalidInput
from graphsvc.network_check import problems_from_validation
from graphsvc.services.editing import new_id
from graphsvc.services.scope import Scope
from graphsvc.services.survey_ties import answers_planner

__all__ = ["SuggestedName", "approve", "merge", "reject", "suggestions"]


@dataclass(frozen=True)
class SuggestedName:
    """One name suggested in a round, with every suggestion of it (one per respondent)."""

    id: str  # the first suggestion's id: what a coordinator acts on
    name: str
    status: str  # pending, approved, merged or rejected
    suggested_by: list[tuple[str, str]]  # respondents: (actor id, name)
    actor: tuple[str, str] | None  # what it became or was merged into


async def suggestions(scope: Scope, round_id: str) -> list[SuggestedName]:
    """The names suggested in a round, pending ones first."""
    scope.require(Role.COORDINATOR)
    await SurveyRoundRepository(scope.store).get(scope.tenant, round_id)
    found = await SurveySuggestionRepository(scope.store).all(scope.tenant, round_id)
    return _grouped(found)


def _grouped(found: Iterable[Suggestion]) -> list[SuggestedName]:
    groups: dict[tuple[str, str], list[Suggestion]] = {}
    for s in found:
        groups.setdefault((s.name_key, s.status), []).append(s)
    named = [
        SuggestedName(
            id=group[0].id,
            name=group[0].name,
            status=status,
            suggested_by=[(s.actor_id, s.actor_name or s.actor_id) for s in group],
            actor=(group[0].decided_actor, group[0].decided_actor_name or group[0].decided_actor)
            if group[0].decided_actor
            else None,
        )
        for (_, status), group in groups.items()
    ]
    return sorted(named, key=lambda g: (g.status != "pending", g.name.casefold()))


async def _pending(scope: Scope, suggestion_id: str) -> FoundSuggestion:
    found = await SurveySuggestionRepository(scope.store).find(scope.tenant, suggestion_id)
    if found.status != "pending":
        raise InvalidInput(f"the suggestion {found.name!r} has been settled already ({found.status})")
    return found


def _planner_for(survey: str, target: str) -> Any:
    def planner(suggestion: Suggestion) -> Planner:
        if suggestion.frequency is None or suggestion.trust is None or suggestion.value is None:
            raise InvalidInput(f"the suggestion {suggestion.name!r} has no answers to store")
        answer = Answer(target, suggestion.frequency, suggestion.trust, suggestion.value)
        return answers_planner(survey, [answer], replace=False)

    return planner


async def approve(
    scope: Scope,
    suggestion_id: str,
    *,
    kind: Kind,
    sector: Sector,
    arenas: Iterable[Arena] = (),
    name: str | None = None,
) -> SuggestedName:
    """Make the suggested organisation a new actor (named ``name``, else as suggested) and
    store every suggester's answers about it."""
    scope.require(Role.COORDINATOR)
    suggestion = await _pending(scope, suggestion_id)
    round_id, survey = suggestion.round_id, suggestion.round_name
    fields = {
        "kind": kind,
        "id": new_id(kind),
        "tenant": scope.tenant,
        "name": name if name is not None and name.strip() else suggestion.name,
        "sector": sector,
        "arenas": frozenset(arenas),
    }
    try:
        actor = Actor.model_validate(fields)
    except ValidationError as e:
        raise InvalidInput("the organisation was not created", problems_from_validation("actor", e)) from e
    if any(c in actor.name for c in "<>"):
        raise InvalidInput("name: a name is plain text: no < or >")
    await SurveySuggestionRepository(scope.store).decide(
        scope.tenant,
        round_id,
        suggestion.name_key,
        status="approved",
        actor_id=None,
        new_actor=actor,
        planner_for=_planner_for(survey, actor.id),
    )
    return await _settled(scope, suggestion, "approved")


async def merge(scope: Scope, suggestion_id: str, actor_id: str) -> SuggestedName:
    """The suggested organisation is the existing actor ``actor_id``: every suggester's answer
    about it becomes its answer about that actor (an actor it named already keeps that answer)."""
    scope.require(Role.COORDINATOR)
    suggestion = await _pending(scope, suggestion_id)
    round_id, survey = suggestion.round_id, suggestion.round_name
    await SurveySuggestionRepository(scope.store).decide(
        scope.tenant,
        round_id,
        suggestion.name_key,
        status="merged",
        actor_id=actor_id,
        new_actor=None,
        planner_for=_planner_for(survey, actor_id),
    )
    return await _settled(scope, suggestion, "merged")


async def reject(scope: Scope, suggestion_id: str) -> SuggestedName:
    """Drop the suggestion: its answers are not stored."""
    scope.require(Role.COORDINATOR)
    suggestion = await _pending(scope, suggestion_id)
    round_id, survey = suggestion.round_id, suggestion.round_name
    await SurveySuggestionRepository(scope.store).decide(
        scope.tenant,
        round_id,
        suggestion.name_key,
        status="rejected",
        actor_id=None,
        new_actor=None,
        planner_for=_planner_for(survey, ""),
    )
    return await _settled(scope, suggestion, "rejected")


async def _settled(scope: Scope, suggestion: FoundSuggestion, status: str) -> SuggestedName:
    found = await SurveySuggestionRepository(scope.store).all(
        scope.tenant, suggestion.round_id, suggestion.name_key
    )
    return next(g for g in _grouped(found) if g.status == status)
