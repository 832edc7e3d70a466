"""GraphQL types of what a change would do, shared by the what-if and the recommendations
measured by their effect: a statement in both languages, the effect in numbers, and a recruit
as planned (built from :mod:`graphsvc.analytics.whatif` and its neighbours)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from graphsvc import analytics

__all__ = ["MeasuredEffect", "PlannedRecruit", "Statement", "effect_of", "recruit_of", "statement_of"]


@strawberry.type(description="One thing a change would do, in English and in Danish.")
class Statement:
    code: str = strawberry.field(
        description="What kind of statement: recruit, leisure_access, sector_change, ..."
    )
    sentence: str = strawberry.field(description="The statement in English.")
    sentence_da: str = strawberry.field(description="The statement in Danish.")
    values: JSON = strawberry.field(description="Every number and name in the sentences, by name.")


@strawberry.type(
    description="A change's effect on the target group: members who would reach an arena within "
    "two hops that they do not reach now (or no longer reach one), leisure access gained and "
    "lost, and gaps closed and opened."
)
class MeasuredEffect:
    members_reached: int = strawberry.field(
        description="Members who would reach an arena they do not reach now."
    )
    members_cut_off: int = strawberry.field(
        description="Members who would no longer reach an arena they reach now."
    )
    leisure_gained: int = strawberry.field(
        description="Members who would gain a leisure actor within two hops."
    )
    leisure_lost: int = strawberry.field(
        description="Members who would lose their leisure actor within two hops."
    )
    gaps_closed: int = strawberry.field(
        description="Area gaps, schools without leisure and sector gaps that would close."
    )
    gaps_opened: int = strawberry.field(description="Those that would open.")


@strawberry.type(description="Members of an area who would be reached.")
class AreaCount:
    area_id: strawberry.ID = strawberry.field(description="The area ('unknown' when not recorded).")
    name: str = strawberry.field(description="Its name.")
    members: int = strawberry.field(description="Members living there.")


@strawberry.type(description="A recruit as planned, and the members it would reach.")
class PlannedRecruit:
    actor_id: strawberry.ID = strawberry.field(description="The candidate.")
    name: str = strawberry.field(description="Its name.")
    via_id: strawberry.ID | None = strawberry.field(description="The partner who would introduce it.")
    via_name: str | None = strawberry.field(description="That partner's name.")
    tie_to_ids: list[strawberry.ID] = strawberry.field(description="The actors it would work with.")
    ties_from: str = strawberry.field(description="introduction_path, via, drawn or none.")
    initiative_id: strawberry.ID | None = strawberry.field(description="The initiative it would join.")
    initiative_name: str | None = strawberry.field(description="That initiative's name.")
    members_reached: int = strawberry.field(
        description="Members within two hops of it who do not reach an actor of its arenas now."
    )
    by_area: list[AreaCount] = strawberry.field(description="Those members per area, most first.")
    sector_gap_closed: bool = strawberry.field(description="Whether its sector would no longer be missing.")


def statement_of(s: analytics.Statement) -> Statement:
    return Statement(
        code=s.code, sentence=s.sentence, sentence_da=s.sentence_da, values=analytics.as_dict(s.values)
    )


def effect_of(e: analytics.Effect) -> MeasuredEffect:
    return MeasuredEffect(
        members_reached=e.members_reached,
        members_cut_off=e.members_cut_off,
        leisure_gained=e.leisure_gained,
        leisure_lost=e.leisure_lost,
        gaps_closed=e.gaps_closed,
        gaps_opened=e.gaps_opened,
    )


def recruit_of(x: analytics.RecruitEffect) -> PlannedRecruit:
    return PlannedRecruit(
        actor_id=strawberry.ID(x.node),
        name=x.name,
        via_id=None if x.via is None else strawberry.ID(x.via),
        via_name=x.via_name,
        tie_to_ids=[strawberry.ID(t) for t in x.ties_to],
        ties_from=x.ties_from,
        initiative_id=None if x.initiative is None else strawberry.ID(x.initiative),
        initiative_name=x.initiative_name,
        members_reached=x.members_reached,
        by_area=[AreaCount(area_id=strawberry.ID(a), name=n, members=m) for a, n, m in x.by_area],
        sector_gap_closed=x.sector_gap_closed,
    )
