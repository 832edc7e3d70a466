"""GraphQL types of partner-survey rounds: the round, its respondents, reciprocity and the
organisations respondents suggested, each built from its service result."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.services import survey_rounds as rounds
from graphsvc.services import survey_suggestions as suggested
from graphsvc.services.survey_reciprocity import Pair, Reciprocity

__all__ = [
    "SurveyInvitation",
    "SurveyOrganisation",
    "SurveyReciprocity",
    "SurveyRespondent",
    "SurveyRound",
    "SurveySuggestion",
]


@strawberry.enum(description="Whether a round's links work.")
class SurveyRoundStatus(Enum):
    OPEN = "open"
    PAST_CLOSING_DATE = "past_closing_date"
    CLOSED = "closed"


@strawberry.enum(description="When A names B: whether B names A.")
class ReciprocityStatus(Enum):
    MUTUAL = "mutual"
    ONE_SIDED = "one_sided"
    UNANSWERED = "unanswered"


@strawberry.enum(description="What became of a suggested organisation.")
class SuggestionStatus(Enum):
    PENDING = "pending"
    APPROVED = "approved"
    MERGED = "merged"
    REJECTED = "rejected"


@strawberry.type(description="An organisation (an actor) in a survey: its id and name.")
class SurveyOrganisation:
    id: strawberry.ID = strawberry.field(description="The actor's id.")
    name: str = strawberry.field(description="Its name.")


def _organisation(actor_id: str, name: str) -> SurveyOrganisation:
    return SurveyOrganisation(id=strawberry.ID(actor_id), name=name)


@strawberry.type(description="An organisation invited to a round, and how far it has come.")
class SurveyRespondent:
    organisation: SurveyOrganisation = strawberry.field(description="The respondent.")
    answered: bool = strawberry.field(
        description="It has answered: through its link, or with answers of this survey imported "
        "from a spreadsheet."
    )
    answered_at: datetime.datetime | None = strawberry.field(
        description="When it first sent answers through its link."
    )
    partners_named: int = strawberry.field(description="Organisations it names in this survey.")
    links: int = strawberry.field(description="Links it has been given.")
    working_links: int = strawberry.field(description="Of those, links not revoked.")

    @classmethod
    def from_row(cls, r: rounds.RespondentRow) -> SurveyRespondent:
        return cls(
            organisation=_organisation(r.actor_id, r.name),
            answered=r.answered,
            answered_at=r.answered_at,
            partners_named=r.partners,
            links=r.links,
            working_links=r.live_links,
        )


@strawberry.type(description="One answer, or one pair of organisations that name each other.")
class SurveyPair:
    source: SurveyOrganisation = strawberry.field(description="The organisation that names the other.")
    target: SurveyOrganisation = strawberry.field(description="The organisation named.")
    status: ReciprocityStatus = strawberry.field(
        description="MUTUAL: both name each other (listed once); ONE_SIDED: the named one answered "
        "without naming back; UNANSWERED: it has not answered."
    )

    @classmethod
    def from_domain(cls, p: Pair) -> SurveyPair:
        return cls(
            source=_organisation(p.source, p.source_name),
            target=_organisation(p.target, p.target_name),
            status=ReciprocityStatus(p.status),
        )


@strawberry.type(description="When A names B, does B name A? Over every answer of the round.")
class SurveyReciprocity:
    pairs: list[SurveyPair] = strawberry.field(
        description="Mutual pairs first, then one-sided, then the rest."
    )
    mutual_pairs: int = strawberry.field(description="Pairs that name each other.")
    one_sided: int = strawberry.field(description="Answers whose partner answered without naming back.")
    unanswered: int = strawberry.field(description="Answers whose partner has not answered.")
    rate: float | None = strawberry.field(
        description="Returned answers / answers whose partner answered, 0-1; null until a named "
        "partner has answered."
    )
    sentence: str = strawberry.field(description="The same in a sentence.")

    @classmethod
    def from_domain(cls, r: Reciprocity) -> SurveyReciprocity:
        return cls(
            pairs=[SurveyPair.from_domain(p) for p in r.pairs],
            mutual_pairs=r.mutual_pairs,
            one_sided=r.one_sided,
            unanswered=r.unanswered,
            rate=r.rate,
            sentence=r.sentence,
        )


@strawberry.type(description="An organisation respondents work with that was not on the list.")
class SurveySuggestion:
    id: strawberry.ID = strawberry.field(description="What to approve, merge or reject.")
    name: str = strawberry.field(description="The name as the respondent wrote it.")
    status: SuggestionStatus = strawberry.field(description="What became of it.")
    suggested_by: list[SurveyOrganisation] = strawberry.field(description="The respondents who named it.")
    actor: SurveyOrganisation | None = strawberry.field(
        description="The actor it became or was merged into; null while pending or rejected."
    )

    @classmethod
    def from_domain(cls, s: suggested.SuggestedName) -> SurveySuggestion:
        return cls(
            id=strawberry.ID(s.id),
            name=s.name,
            status=SuggestionStatus(s.status),
            suggested_by=[_organisation(i, n) for i, n in s.suggested_by],
            actor=_organisation(*s.actor) if s.actor else None,
        )


@strawberry.type(description="A round of the partner survey, with its response rate.")
class SurveyRound:
    id: strawberry.ID = strawberry.field(description="The round's id.")
    name: str = strawberry.field(description="Its name: the `survey` of every answer.")
    closes_on: datetime.date = strawberry.field(description="Its links work to the end of this day.")
    status: SurveyRoundStatus = strawberry.field(description="Whether its links work.")
    created_by: str = strawberry.field(description="Who started it.")
    created_at: datetime.datetime = strawberry.field(description="When.")
    closed_at: datetime.datetime | None = strawberry.field(description="When it was closed.")
    snapshot_id: strawberry.ID | None = strawberry.field(description="The snapshot taken when it closed.")
    snapshot_name: str | None = strawberry.field(description="Its name.")
    invited: int = strawberry.field(description="Organisations invited.")
    answered: int = strawberry.field(description="Of those, the ones that have answered.")
    response_rate: float | None = strawberry.field(description="answered / invited, 0-1.")

    @classmethod
    def from_domain(cls, r: rounds.SurveyRound) -> SurveyRound:
        return cls(
            id=strawberry.ID(r.id),
            name=r.name,
            closes_on=r.closes_on,
            status=SurveyRoundStatus(r.status),
            created_by=r.created_by,
            created_at=r.created_at,
            closed_at=r.closed_at,
            snapshot_id=strawberry.ID(r.snapshot_id) if r.snapshot_id else None,
            snapshot_name=r.snapshot_name,
            invited=r.invited,
            answered=r.answered,
            response_rate=r.answered / r.invited if r.invited else None,
        )

    @strawberry.field(description="The organisations invited, by name.")
    async def respondents(self, info: Info[Context, None]) -> list[SurveyRespondent]:
        scope = info.context.scope()
        found = await rounds.get_round(scope, str(self.id))
        return [SurveyRespondent.from_row(r) for r in await rounds.respondents(scope, found)]

    @strawberry.field(description="Who names whom, and whether it is returned.")
    async def reciprocity(self, info: Info[Context, None]) -> SurveyReciprocity:
        scope = info.context.scope()
        found = await rounds.get_round(scope, str(self.id))
        return SurveyReciprocity.from_domain(await rounds.round_reciprocity(scope, found))

    @strawberry.field(description="Organisations respondents named that were not on the list.")
    async def suggestions(self, info: Info[Context, None]) -> list[SurveySuggestion]:
        found = await suggested.suggestions(info.context.scope(), str(self.id))
        return [SurveySuggestion.from_domain(s) for s in found]


@strawberry.type(
    description="A personal link for one respondent. Keep the URL now: only a hash of the "
    "token is stored, so it cannot be shown again (a reminder makes a new link)."
)
class SurveyInvitation:
    organisation: SurveyOrganisation = strawberry.field(description="The respondent.")
    token: str = strawberry.field(description="The link's token (gss_…).")
    url: str = strawberry.field(description="The link to send: the questionnaire, no sign-in.")
    link_id: strawberry.ID = strawberry.field(description="The link's id (not its token).")
    expires_at: datetime.datetime = strawberry.field(description="When it stops working: the round closes.")

    @classmethod
    def from_domain(cls, i: rounds.Invitation, base: str) -> SurveyInvitation:
        return cls(
            organisation=_organisation(i.respondent, i.name),
            token=i.token,
            url=f"{base.rstrip('/')}/respond/{i.token}",
            link_id=strawberry.ID(i.link_id),
            expires_at=i.expires_at,
        )
