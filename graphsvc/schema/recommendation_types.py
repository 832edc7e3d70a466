"""GraphQL types of the partner recommendations, built from the analytics result."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON

from graphsvc import analytics
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import arenas_of, kind_of, sector_of
from graphsvc.schema.effect_types import (
    MeasuredEffect,
    PlannedRecruit,
    Statement,
    effect_of,
    recruit_of,
    statement_of,
)

if TYPE_CHECKING:
    from graphsvc.services.whatif import OrderedRecommendations


@strawberry.enum(description="Which order recommendations are in.")
class RecommendationOrder(Enum):
    SCORE = "score"
    EFFECT = "effect"


@strawberry.type(description="What recruiting a candidate would do, measured by a what-if.")
class MeasuredRecruit:
    score_rank: int = strawberry.field(description="Its place in today's order (by score).")
    effect: MeasuredEffect = strawberry.field(description="The effect in a few numbers.")
    recruit: PlannedRecruit = strawberry.field(
        description="How it would be recruited, and whom it would reach."
    )
    statement: Statement = strawberry.field(description="What recruiting it would do, in English and Danish.")


__all__ = ["RecommendationOrder", "Recommendations"]


@strawberry.type(description="Why a candidate scores: the points it earns for one reason.")
class Reason:
    code: str = strawberry.field(
        description="missing_sector, under_represented_sector, focus_arena, gap_area, members_area or warmth."
    )
    points: float = strawberry.field(description="Points earned for it.")
    sentence: str = strawberry.field(description="The reason in plain words.")
    values: JSON = strawberry.field(description="Every number and name in the sentence.")


@strawberry.type(description="An adult to call at a recommended partner.")
class RecommendedContact:
    id: strawberry.ID = strawberry.field(description="The contact person.")
    name: str = strawberry.field(description="Their name.")
    role: str | None = strawberry.field(description="Their role there.")
    email: str | None = strawberry.field(description="Their e-mail address.")
    phone: str | None = strawberry.field(description="Their phone number.")
    relation: enums.TieType = strawberry.field(  # type: ignore[valid-type]
        description="WORKS_FOR or VOLUNTEERS_AT."
    )


@strawberry.type(description="One step of an introduction path.")
class IntroductionStep:
    id: strawberry.ID = strawberry.field(
        description="The actor or contact person; empty for a contact person the caller may not see."
    )
    name: str = strawberry.field(
        description='Their name ("a contact person" for one the caller may not see).'
    )
    kind: enums.NodeKind = strawberry.field(description="What they are.")  # type: ignore[valid-type]


@strawberry.type(description="Points per reason used to score candidates.")
class ScoreWeights:
    missing_sector: float = strawberry.field(description="For a sector nobody around has.")
    under_represented_sector: float = strawberry.field(description="For an under-represented sector.")
    focus_arena: float = strawberry.field(description="For a leisure actor, when members lack leisure ties.")
    gap_area: float = strawberry.field(description="For being located in an area gap.")
    members_area: float = strawberry.field(description="For being located where members live.")
    warmth_per_contact: float = strawberry.field(
        description="Per contact who is a current partner or knows one."
    )
    warmth_cap: int = strawberry.field(description="Contacts counted for warmth at most.")


@strawberry.type(
    description="A candidate partner: why to recruit it, whom to call, and who can introduce us."
)
class Recommendation:
    rank: int = strawberry.field(description="1 for the best candidate.")
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(description="Its arenas.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(description="Where it is located.")
    area_name: str | None = strawberry.field(description="The area's name.")
    score: float = strawberry.field(description="The sum of the points of its reasons.")
    reasons: list[Reason] = strawberry.field(description="Why it scores.")
    warmth: int = strawberry.field(description="Its contacts who are current partners or know one.")
    contacts: list[RecommendedContact] = strawberry.field(description="Its contact persons, staff first.")
    introduction_path: list[IntroductionStep] = strawberry.field(
        description="The shortest chain from a current partner (first) to it (last), through "
        "organisations and contact persons; empty when there is none."
    )
    sentence: str = strawberry.field(description="Its reasons and introduction in words.")
    measured: MeasuredRecruit | None = strawberry.field(
        default=None, description="Its measured effect (in the EFFECT order only)."
    )


@strawberry.type(description="Partners to recruit for the gaps around a target group, best first.")
class Recommendations:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    candidates: int = strawberry.field(
        description="Actors of the tenant outside the support network that were considered."
    )
    weights: ScoreWeights = strawberry.field(description="The points per reason used.")
    recommendations: list[Recommendation] = strawberry.field(description="The recommended partners.")
    order: RecommendationOrder = strawberry.field(
        default=RecommendationOrder.SCORE, description="Which order the list is in."
    )
    order_statement: Statement | None = strawberry.field(
        default=None, description="Which order the list is in, in words (English and Danish)."
    )

    @classmethod
    def from_domain(
        cls, r: analytics.Recommendations, *, ordered: OrderedRecommendations | None = None
    ) -> Recommendations:
        w = r.weights
        measured = ordered.measured if ordered else {}
        return cls(
            order=RecommendationOrder(ordered.order) if ordered else RecommendationOrder.SCORE,
            order_statement=statement_of(ordered.statement) if ordered else None,
            target_group_id=strawberry.ID(r.target_group),
            candidates=r.candidates,
            weights=ScoreWeights(
                missing_sector=w.missing_sector,
                under_represented_sector=w.under_represented_sector,
                focus_arena=w.focus_arena,
                gap_area=w.gap_area,
                members_area=w.members_area,
                warmth_per_contact=w.warmth_per_contact,
                warmth_cap=w.warmth_cap,
            ),
            recommendations=[_recommendation(x, measured.get(x.node)) for x in r.recommendations],
        )


def _recommendation(x: analytics.Recommendation, m: analytics.MeasuredRecruit | None) -> Recommendation:
    return Recommendation(
        measured=None
        if m is None
        else MeasuredRecruit(
            score_rank=m.score_rank,
            effect=effect_of(m.effect),
            recruit=recruit_of(m.recruit),
            statement=statement_of(m.statement),
        ),
        rank=x.rank,
        id=strawberry.ID(x.node),
        name=x.name,
        kind=kind_of(x.kind),
        sector=sector_of(x.sector),
        arenas=arenas_of(x.arenas),
        area_id=None if x.area is None else strawberry.ID(x.area),
        area_name=x.area_name,
        score=x.score,
        reasons=[
            Reason(code=r.code, points=r.points, sentence=r.sentence, values=analytics.as_dict(r.values))
            for r in x.reasons
        ],
        warmth=x.warmth,
        contacts=[
            RecommendedContact(
                id=strawberry.ID(c.node),
                name=c.name,
                role=c.role,
                email=c.email,
                phone=c.phone,
                relation=enums.TieType(c.relation),
            )
            for c in x.contacts
        ],
        introduction_path=[
            IntroductionStep(id=strawberry.ID(s.node), name=s.name, kind=kind_of(s.kind))
            for s in x.introduction_path
        ],
        sentence=x.sentence,
    )
