"""GraphQL types of a what-if and of a change's measured effect, built from the analytics
results (:mod:`graphsvc.analytics.whatif`)."""

from __future__ import annotations

import strawberry

from graphsvc import analytics
from graphsvc.analytics import whatif_difference as diff
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import BrokerRanking
from graphsvc.schema.effect_types import (
    MeasuredEffect,
    PlannedRecruit,
    Statement,
    effect_of,
    recruit_of,
    statement_of,
)
from graphsvc.schema.gap_types import AreaGap, GapReport, SchoolGap, SectorStatus

__all__ = ["WhatIf"]


@strawberry.type(description="Two actors, by id and name.")
class ActorPair:
    first_id: strawberry.ID = strawberry.field(description="One actor.")
    first_name: str = strawberry.field(description="Its name.")
    second_id: strawberry.ID = strawberry.field(description="The other.")
    second_name: str = strawberry.field(description="Its name.")


@strawberry.type(description="An actor by id and name.")
class NamedActor:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")


@strawberry.type(description="The exact changes a what-if computed with.")
class WhatIfPlan:
    recruits: list[PlannedRecruit] = strawberry.field(description="Recruits, with what they would reach.")
    ties_added: list[ActorPair] = strawberry.field(description="New collaborations (recruits' first).")
    ties_removed: list[ActorPair] = strawberry.field(description="Pairs whose ties would go.")
    actors_removed: list[NamedActor] = strawberry.field(description="Actors that would go.")


@strawberry.type(description="Members of one group with a leisure actor within two hops, before and after.")
class AccessCount:
    group: str = strawberry.field(description="'all', an area id or an age band.")
    label: str = strawberry.field(description="The area's name, the age band, or all members.")
    members: int = strawberry.field(description="Members in the group.")
    before: int = strawberry.field(description="With leisure access now.")
    after: int = strawberry.field(description="With leisure access after the change.")


@strawberry.type(description="Members gaining and losing an actor of one arena within two hops.")
class ArenaReachChange:
    arena: enums.Arena = strawberry.field(description="The arena.")  # type: ignore[valid-type]
    gained: int = strawberry.field(description="Members who would reach it and do not now.")
    lost: int = strawberry.field(description="Members who would no longer reach it.")


@strawberry.type(
    description="An expected sector's status and actors in the support network, before and after."
)
class SectorStatusChange:
    sector: enums.Sector = strawberry.field(description="The sector.")  # type: ignore[valid-type]
    before: SectorStatus = strawberry.field(description="Its status now.")
    after: SectorStatus = strawberry.field(description="Its status after the change.")
    actors_before: int = strawberry.field(description="Its actors in the support network now.")
    actors_after: int = strawberry.field(description="And after.")


@strawberry.type(
    description="A single point of failure whose count changes: members it cuts off from leisure."
)
class FailureChange:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    before: int = strawberry.field(description="Members it cuts off now (0: none).")
    after: int = strawberry.field(description="After the change.")


@strawberry.type(description="A ranked broker's share of the paths, before and after (null: not ranked).")
class BrokerShare:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    rank_before: int | None = strawberry.field(description="Its rank now.")
    rank_after: int | None = strawberry.field(description="After the change.")
    share_before: float | None = strawberry.field(description="Its share of the paths now, 0-1.")
    share_after: float | None = strawberry.field(description="After the change.")


@strawberry.type(description="The brokerage between two arenas before and after.")
class BrokerageChange:
    from_arena: enums.Arena = strawberry.field(description="Paths start here.")  # type: ignore[valid-type]
    to_arena: enums.Arena = strawberry.field(description="Paths end here.")  # type: ignore[valid-type]
    pairs_before: int = strawberry.field(description="Pairs of actors now.")
    pairs_after: int = strawberry.field(description="After the change.")
    connected_before: int = strawberry.field(description="Pairs joined by a path now.")
    connected_after: int = strawberry.field(description="After the change.")
    brokers: list[BrokerShare] = strawberry.field(
        description="The brokers of either ranking, largest share after first."
    )


@strawberry.type(
    description="What a change would do for a target group: the gap report and the school→leisure "
    "brokers as they would be, and the difference, each with a sentence. Nothing is written."
)
class WhatIf:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    name: str = strawberry.field(description="Its name.")
    hops: int = strawberry.field(description="The radius of the support network.")
    members: int = strawberry.field(description="Members of the group.")
    plan: WhatIfPlan = strawberry.field(description="The exact changes.")
    effect: MeasuredEffect = strawberry.field(description="The effect in a few numbers.")
    statements: list[Statement] = strawberry.field(description="What it would do, sentence by sentence.")
    leisure_access: AccessCount = strawberry.field(
        description="Members with a leisure actor within two hops."
    )
    leisure_access_by_area: list[AccessCount] = strawberry.field(description="Per area, most members first.")
    leisure_access_by_age_band: list[AccessCount] = strawberry.field(description="Per age band.")
    arenas: list[ArenaReachChange] = strawberry.field(description="Arenas gained and lost within two hops.")
    sectors: list[SectorStatusChange] = strawberry.field(
        description="Every expected sector, before and after."
    )
    area_gaps_closed: list[AreaGap] = strawberry.field(description="Area gaps that would close.")
    area_gaps_opened: list[AreaGap] = strawberry.field(description="Area gaps that would open.")
    schools_closed: list[SchoolGap] = strawberry.field(
        description="Schools that would get leisure within two hops."
    )
    schools_opened: list[SchoolGap] = strawberry.field(description="Schools that would lose it.")
    schools_still: int = strawberry.field(
        description="Schools that would still have no leisure within two hops."
    )
    single_points_of_failure: list[FailureChange] = strawberry.field(
        description="Single points of failure that change."
    )
    brokerage: BrokerageChange | None = strawberry.field(
        description="School→leisure brokerage (null: not asked for)."
    )
    after: GapReport = strawberry.field(description="The whole gap report as it would be.")
    brokers_after: BrokerRanking | None = strawberry.field(description="The broker ranking as it would be.")

    @classmethod
    def from_domain(cls, r: analytics.WhatIf) -> WhatIf:
        return cls(
            target_group_id=strawberry.ID(r.target_group),
            name=r.name,
            hops=r.hops,
            members=r.members,
            plan=_plan(r),
            effect=effect_of(r.effect),
            statements=[statement_of(s) for s in r.statements],
            leisure_access=_access(r.leisure_access),
            leisure_access_by_area=[_access(c) for c in r.leisure_access_by_area],
            leisure_access_by_age_band=[_access(c) for c in r.leisure_access_by_age_band],
            arenas=[
                ArenaReachChange(arena=enums.Arena(c.arena), gained=c.gained, lost=c.lost) for c in r.arenas
            ],
            sectors=[_sector(s) for s in r.sectors],
            area_gaps_closed=[_area_gap(g) for g in r.area_gaps_closed],
            area_gaps_opened=[_area_gap(g) for g in r.area_gaps_opened],
            schools_closed=[_school(s) for s in r.schools_closed],
            schools_opened=[_school(s) for s in r.schools_opened],
            schools_still=r.schools_still,
            single_points_of_failure=[
                FailureChange(id=strawberry.ID(f.node), name=f.name, before=f.before, after=f.after)
                for f in r.single_points_of_failure
            ],
            brokerage=None if r.brokerage is None else _brokerage(r.brokerage),
            after=GapReport.from_domain(r.after),
            brokers_after=None if r.brokers_after is None else BrokerRanking.from_domain(r.brokers_after),
        )


def _plan(r: analytics.WhatIf) -> WhatIfPlan:
    actor_names = r.names

    def pair(a: str, b: str) -> ActorPair:
        return ActorPair(
            first_id=strawberry.ID(a),
            first_name=actor_names.get(a, a),
            second_id=strawberry.ID(b),
            second_name=actor_names.get(b, b),
        )

    return WhatIfPlan(
        recruits=[recruit_of(x) for x in r.recruits],
        ties_added=[pair(a, b) for a, b in r.plan.ties_added],
        ties_removed=[pair(a, b) for a, b in r.plan.ties_removed],
        actors_removed=[
            NamedActor(id=strawberry.ID(a), name=actor_names.get(a, a)) for a in r.plan.actors_removed
        ],
    )


def _access(c: diff.AccessCount) -> AccessCount:
    return AccessCount(group=c.group, label=c.label, members=c.members, before=c.before, after=c.after)


def _sector(s: diff.SectorChange) -> SectorStatusChange:
    return SectorStatusChange(
        sector=enums.Sector(s.sector),
        before=SectorStatus(s.before),
        after=SectorStatus(s.after),
        actors_before=s.actors_before,
        actors_after=s.actors_after,
    )


def _area_gap(g: analytics.AreaGap) -> AreaGap:
    return AreaGap(area_id=strawberry.ID(g.area), name=g.name, members=g.members, young_people=g.young_people)


def _school(s: analytics.SchoolGap) -> SchoolGap:
    return SchoolGap(
        school_id=strawberry.ID(s.school),
        name=s.name,
        hops=s.hops,
        members_attending=s.members_attending,
        young_people_attending=s.young_people_attending,
    )


def _brokerage(b: diff.BrokerageChange) -> BrokerageChange:
    return BrokerageChange(
        from_arena=enums.Arena(b.source_arena),
        to_arena=enums.Arena(b.target_arena),
        pairs_before=b.pairs_before,
        pairs_after=b.pairs_after,
        connected_before=b.connected_before,
        connected_after=b.connected_after,
        brokers=[
            BrokerShare(
                id=strawberry.ID(x.node),
                name=x.name,
                rank_before=x.rank_before,
                rank_after=x.rank_after,
                share_before=x.share_before,
                share_after=x.share_after,
            )
            for x in b.brokers
        ],
    )
