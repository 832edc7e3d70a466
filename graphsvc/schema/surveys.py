"""Partner-survey rounds from GraphQL, for coordinators: start a round, follow it, remind,
revoke a respondent's links, close it (with a snapshot), and settle the organisations
respondents suggested. Respondents answer through their personal link, not GraphQL
(``graphsvc.api.respondents``)."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.errors import NotFound
from graphsvc.schema import enums
from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.schema.snapshot_types import Snapshot
from graphsvc.schema.survey_types import SurveyInvitation, SurveyRespondent, SurveyRound, SurveySuggestion
from graphsvc.services import survey_rounds as rounds
from graphsvc.services import survey_suggestions as suggested

__all__ = ["SurveyMutation", "SurveyQuery"]

Tenant = Annotated[str | None, strawberry.argument(description="The tenant; default: the caller's.")]


@strawberry.input(description="A new round of the partner survey.")
class SurveyRoundInput:
    name: str = strawberry.field(description='E.g. "Partnerundersøgelse 2026": the `survey` of every answer.')
    closes_on: datetime.date = strawberry.field(
        description="The links work to the end of this day (Danish time); today to a year ahead."
    )
    respondent_ids: list[strawberry.ID] = strawberry.field(description="The actors invited to answer.")


@strawberry.input(description="A suggested organisation made an actor.")
class ApproveSuggestionInput:
    kind: enums.ActorKind = strawberry.field(description="What it is.")  # type: ignore[valid-type]
    sector: enums.Sector = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="Its arenas."
    )
    name: str | None = strawberry.field(default=None, description="Default: the name as suggested.")


@strawberry.type(description="A round was started: the round and one personal link per respondent.")
class NewSurveyRound:
    round: SurveyRound = strawberry.field(description="The round.")
    invitations: list[SurveyInvitation] = strawberry.field(description="Send each its own link.")


@strawberry.type(description="A round was closed: its links no longer work.")
class ClosedSurveyRound:
    round: SurveyRound = strawberry.field(description="The round.")
    snapshot: Snapshot | None = strawberry.field(description="The snapshot taken now, if one was.")


StartSurveyRoundResult = Annotated[
    NewSurveyRound | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union("StartSurveyRoundResult", description="The round started, or why none was."),
]
SurveyLinkResult = Annotated[
    SurveyInvitation | InvalidInputError | NotFoundError,
    strawberry.union("SurveyLinkResult", description="The new link, or why none was made."),
]
RevokeSurveyLinksResult = Annotated[
    SurveyRespondent | NotFoundError,
    strawberry.union("RevokeSurveyLinksResult", description="The respondent, or why nothing was revoked."),
]
CloseSurveyRoundResult = Annotated[
    ClosedSurveyRound | InvalidInputError | NotFoundError,
    strawberry.union("CloseSurveyRoundResult", description="The closed round, or why it was not closed."),
]
SurveySuggestionResult = Annotated[
    SurveySuggestion | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union("SurveySuggestionResult", description="The settled suggestion, or why it was not."),
]


def _base(ctx: Context) -> str:
    return str(ctx.request.base_url) if ctx.request is not None else "/"


@strawberry.type
class SurveyQuery:
    @strawberry.field(
        description="The tenant's partner-survey rounds, newest first. Coordinators and admins."
    )
    async def survey_rounds(self, info: Info[Context, None], tenant: Tenant = None) -> list[SurveyRound]:
        found = await rounds.rounds(info.context.scope(tenant))
        return [SurveyRound.from_domain(r) for r in found]

    @strawberry.field(description="One round; null when there is none with this id. Coordinators and admins.")
    async def survey_round(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> SurveyRound | None:
        try:
            return SurveyRound.from_domain(await rounds.get_round(info.context.scope(tenant), str(id)))
        except NotFound:
            return None


@strawberry.type
class SurveyMutation:
    @strawberry.mutation(
        description="Start a round of the partner survey for chosen organisations: each gets a "
        "personal link (shown only now) to answer without an account until the round closes."
    )
    async def start_survey_round(
        self, info: Info[Context, None], input: SurveyRoundInput, tenant: Tenant = None
    ) -> StartSurveyRoundResult:
        ctx = info.context

        async def start() -> NewSurveyRound:
            ids = [str(i) for i in input.respondent_ids]
            found, invitations = await rounds.start_round(ctx.scope(tenant), input.name, input.closes_on, ids)
            return NewSurveyRound(
                round=SurveyRound.from_domain(found),
                invitations=[SurveyInvitation.from_domain(i, _base(ctx)) for i in invitations],
            )

        return await attempt(start())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="A new personal link for a respondent of an open round, e.g. for a reminder "
        "(its earlier links keep working)."
    )
    async def new_survey_link(
        self,
        info: Info[Context, None],
        round_id: strawberry.ID,
        respondent_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> SurveyLinkResult:
        ctx = info.context

        async def issue() -> SurveyInvitation:
            made = await rounds.new_link(ctx.scope(tenant), str(round_id), str(respondent_id))
            return SurveyInvitation.from_domain(made, _base(ctx))

        return await attempt(issue())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Revoke every link a respondent of a round has been given, at once.")
    async def revoke_survey_links(
        self,
        info: Info[Context, None],
        round_id: strawberry.ID,
        respondent_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> RevokeSurveyLinksResult:
        scope = info.context.scope(tenant)

        async def revoke() -> SurveyRespondent:
            return SurveyRespondent.from_row(
                await rounds.revoke_links(scope, str(round_id), str(respondent_id))
            )

        return await attempt(revoke())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="Close a round: its links stop working. With takeSnapshot (the default), a "
        "snapshot named after the round records the network as its answers left it."
    )
    async def close_survey_round(
        self, info: Info[Context, None], id: strawberry.ID, take_snapshot: bool = True, tenant: Tenant = None
    ) -> CloseSurveyRoundResult:
        scope = info.context.scope(tenant)

        async def close() -> ClosedSurveyRound:
            closed = await rounds.close_round(scope, str(id), take_snapshot=take_snapshot)
            return ClosedSurveyRound(
                round=SurveyRound.from_domain(closed.round),
                snapshot=Snapshot.from_domain(closed.snapshot) if closed.snapshot else None,
            )

        return await attempt(close())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="Make a suggested organisation a new actor; the answers of everyone who named "
        "it become their answers about it."
    )
    async def approve_survey_suggestion(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        input: ApproveSuggestionInput,
        tenant: Tenant = None,
    ) -> SurveySuggestionResult:
        scope = info.context.scope(tenant)

        async def approve() -> SurveySuggestion:
            found = await suggested.approve(
                scope,
                str(id),
                kind=_domain(input.kind, domain.Kind),
                sector=_domain(input.sector, domain.Sector),
                arenas=[_domain(a, domain.Arena) for a in input.arenas],
                name=input.name,
            )
            return SurveySuggestion.from_domain(found)

        return await attempt(approve())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="A suggested organisation is an existing actor: the answers about it become "
        "answers about that actor."
    )
    async def merge_survey_suggestion(
        self, info: Info[Context, None], id: strawberry.ID, actor_id: strawberry.ID, tenant: Tenant = None
    ) -> SurveySuggestionResult:
        scope = info.context.scope(tenant)

        async def merge() -> SurveySuggestion:
            return SurveySuggestion.from_domain(await suggested.merge(scope, str(id), str(actor_id)))

        return await attempt(merge())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Drop a suggested organisation: its answers are not stored.")
    async def reject_survey_suggestion(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> SurveySuggestionResult:
        scope = info.context.scope(tenant)

        async def reject() -> SurveySuggestion:
            return SurveySuggestion.from_domain(await suggested.reject(scope, str(id)))

        return await attempt(reject())  # type: ignore[no-any-return]


def _domain(value: Any, enum: Any) -> Any:
    return enums.to_domain(value, enum)
