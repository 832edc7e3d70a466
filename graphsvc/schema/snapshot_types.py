"""GraphQL types of snapshots, their network-health measures and the comparison of two, each
built from its service result by ``from_domain``."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.analytics import comparison as changes
from graphsvc.analytics import health
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import arenas_of, kind_of, sector_of
from graphsvc.schema.context import Context
from graphsvc.schema.pagination import check_first
from graphsvc.services import snapshots as service

__all__ = ["NetworkHealth", "Snapshot", "SnapshotComparison"]


@strawberry.enum(description="A network-health measure (see NetworkHealth).")
class HealthMeasure(Enum):
    ACTORS = "actors"
    ACTOR_TIES = "actor_ties"
    DENSITY = "density"
    COMPONENTS = "components"
    ISOLATED_ACTORS = "isolated_actors"
    CROSS_SECTOR_TIE_SHARE = "cross_sector_tie_share"
    EI_INDEX = "ei_index"
    DEGREE_CENTRALISATION = "degree_centralisation"


@strawberry.type(description="How many actors of one sector the network holds.")
class SectorActors:
    sector: enums.Sector = strawberry.field(description="The sector.")  # type: ignore[valid-type]
    actors: int = strawberry.field(description="Its actors.")


@strawberry.type(description="How many actors belong to one arena (an actor in two arenas counts in both).")
class ArenaActors:
    arena: enums.Arena = strawberry.field(description="The arena.")  # type: ignore[valid-type]
    actors: int = strawberry.field(description="Its actors.")


@strawberry.type(
    description="How many members of a target group its partners reach: members "
    "within `hops` ties of an actor that takes part in or funds an initiative "
    "targeting the group."
)
class TargetGroupReach:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    name: str = strawberry.field(description="Its name.")
    hops: int = strawberry.field(description="The radius around the partners, in ties.")
    partners: int = strawberry.field(description="Actors of initiatives targeting the group.")
    members: int = strawberry.field(description="Young people in the group.")
    reached: int = strawberry.field(description="Members within `hops` of a partner.")
    share: float | None = strawberry.field(
        description="reached / members, 0-1; null when the group has no members."
    )

    @classmethod
    def from_domain(cls, r: health.TargetGroupReach) -> TargetGroupReach:
        return cls(
            target_group_id=strawberry.ID(r.target_group),
            name=r.name,
            hops=r.hops,
            partners=r.partners,
            members=r.members,
            reached=r.reached,
            share=r.share,
        )


@strawberry.type(
    description="The health of the partnership at one moment. All but reach are "
    "measured on the network of actors joined by collaboration, referral and "
    "funding ties."
)
class NetworkHealth:
    actors: int = strawberry.field(description="Partners: organisations and units.")
    actor_ties: int = strawberry.field(description="Pairs of actors with a tie.")
    density: float | None = strawberry.field(
        description="The share of possible actor pairs that are tied, 0-1."
    )
    components: int = strawberry.field(
        description="Parts of the network with no tie to each other (an actor without ties is one)."
    )
    isolated_actors: int = strawberry.field(description="Actors without ties to other actors.")
    external_ties: int = strawberry.field(description="Ties between different sectors (E).")
    internal_ties: int = strawberry.field(description="Ties within one sector (I).")
    cross_sector_tie_share: float | None = strawberry.field(
        description="E / (E + I), 0-1; null without ties."
    )
    ei_index: float | None = strawberry.field(
        description="Krackhardt and Stern's E-I index of sectors, (E - I) / (E + I): -1 when "
        "every tie stays in its sector, +1 when every tie crosses."
    )
    degree_centralisation: float | None = strawberry.field(
        description="Freeman's degree centralisation, 0-1: 1 for a star around one actor."
    )
    actors_by_sector: list[SectorActors] = strawberry.field(description="Actors per sector.")
    actors_by_arena: list[ArenaActors] = strawberry.field(description="Actors per arena.")
    reach: list[TargetGroupReach] = strawberry.field(description="Reach per target group.")

    @classmethod
    def from_domain(cls, m: health.HealthMeasures) -> NetworkHealth:
        return cls(
            actors=m.actors,
            actor_ties=m.actor_ties,
            density=m.density,
            components=m.components,
            isolated_actors=m.isolated_actors,
            external_ties=m.external_ties,
            internal_ties=m.internal_ties,
            cross_sector_tie_share=m.cross_sector_tie_share,
            ei_index=m.ei_index,
            degree_centralisation=m.degree_centralisation,
            actors_by_sector=[
                SectorActors(sector=sector_of(s), actors=n) for s, n in m.actors_by_sector.items()
            ],
            actors_by_arena=[
                ArenaActors(arena=enums.Arena(a), actors=n) for a, n in m.actors_by_arena.items()
            ],
            reach=[TargetGroupReach.from_domain(r) for r in m.reach],
        )


@strawberry.type(
    description="A named, dated snapshot of the tenant's partnership: its "
    "organisations, areas, target groups, initiatives and their ties, with the "
    "measures taken at the time. It holds no young person and no contact person."
)
class Snapshot:
    id: strawberry.ID = strawberry.field(description="Made from the name: kick-off-2026.")
    name: str = strawberry.field(description='Its name, e.g. "Kick-off 2026".')
    taken_on: datetime.date = strawberry.field(description="The day it stands for.")
    created_at: datetime.datetime | None = strawberry.field(description="When it was taken.")
    actors: int = strawberry.field(description="Actors it holds.")
    ties: int = strawberry.field(
        description="Ties it holds (among actors, initiatives, target groups and areas)."
    )
    measures: NetworkHealth = strawberry.field(description="The network's health then.")

    @classmethod
    def from_domain(cls, s: service.Snapshot) -> Snapshot:
        return cls(
            id=strawberry.ID(s.id),
            name=s.name,
            taken_on=s.taken_on,
            created_at=s.created_at,
            actors=s.actors,
            ties=s.ties,
            measures=NetworkHealth.from_domain(s.measures),
        )


@strawberry.type(description="One end of a comparison: a snapshot, or the network now.")
class SnapshotMoment:
    id: strawberry.ID = strawberry.field(description='The snapshot\'s id, or "now".')
    name: str = strawberry.field(description='The snapshot\'s name, or "now".')
    taken_on: datetime.date = strawberry.field(description="Its day (today for now).")
    is_now: bool = strawberry.field(description="Whether this is the network as it is now.")

    @classmethod
    def from_domain(cls, m: service.Moment) -> SnapshotMoment:
        return cls(id=strawberry.ID(m.id), name=m.name, taken_on=m.taken_on, is_now=m.is_now)


@strawberry.type(
    description="An actor gained or lost (as it is in the later network, or was in the earlier one)."
)
class PartnerChange:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(description="Its arenas.")  # type: ignore[valid-type]

    @classmethod
    def from_domain(cls, p: changes.PartnerChange) -> PartnerChange:
        return cls(
            id=strawberry.ID(p.node),
            name=p.name,
            kind=kind_of(p.kind),
            sector=sector_of(p.sector),
            arenas=arenas_of(p.arenas),
        )


@strawberry.type(description="A tie gained or lost.")
class TieChange:
    source_id: strawberry.ID = strawberry.field(description="Where it starts.")
    source_name: str = strawberry.field(description="Its name.")
    type: enums.TieType = strawberry.field(description="The kind of tie.")  # type: ignore[valid-type]
    target_id: strawberry.ID = strawberry.field(description="Where it points.")
    target_name: str = strawberry.field(description="Its name.")
    cross_sector: bool | None = strawberry.field(
        description="Whether it joins two sectors; null unless both ends are actors."
    )

    @classmethod
    def from_domain(cls, t: changes.TieChange) -> TieChange:
        return cls(
            source_id=strawberry.ID(t.source),
            source_name=t.source_name,
            type=enums.TieType(t.type),
            target_id=strawberry.ID(t.target),
            target_name=t.target_name,
            cross_sector=t.cross_sector,
        )


@strawberry.type(
    description="Partners and ties gained and lost in one sector (a tie counts "
    "for each sector of its actor ends)."
)
class SectorChange:
    sector: enums.Sector = strawberry.field(description="The sector.")  # type: ignore[valid-type]
    actors_before: int = strawberry.field(description="Its actors before.")
    actors_after: int = strawberry.field(description="Its actors after.")
    partners_gained: int = strawberry.field(description="Its actors gained.")
    partners_lost: int = strawberry.field(description="Its actors lost.")
    ties_gained: int = strawberry.field(description="Ties gained touching it.")
    ties_lost: int = strawberry.field(description="Ties lost touching it.")


@strawberry.type(
    description="Partners and ties gained and lost in one arena (an actor in two arenas counts in both)."
)
class ArenaChange:
    arena: enums.Arena = strawberry.field(description="The arena.")  # type: ignore[valid-type]
    actors_before: int = strawberry.field(description="Its actors before.")
    actors_after: int = strawberry.field(description="Its actors after.")
    partners_gained: int = strawberry.field(description="Its actors gained.")
    partners_lost: int = strawberry.field(description="Its actors lost.")
    ties_gained: int = strawberry.field(description="Ties gained touching it.")
    ties_lost: int = strawberry.field(description="Ties lost touching it.")


@strawberry.type(description="One health measure before and after.")
class MeasureChange:
    measure: HealthMeasure = strawberry.field(description="Which measure.")
    before: float | None = strawberry.field(description="Its value before (null: undefined).")
    after: float | None = strawberry.field(description="Its value after (null: undefined).")
    change: float | None = strawberry.field(description="after - before (null if either is).")


@strawberry.type(description="A target group's reach before and after (null where the group did not exist).")
class ReachChange:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    name: str = strawberry.field(description="Its name.")
    members_before: int | None = strawberry.field(description="Members before.")
    members_after: int | None = strawberry.field(description="Members after.")
    reached_before: int | None = strawberry.field(description="Members reached before.")
    reached_after: int | None = strawberry.field(description="Members reached after.")
    share_before: float | None = strawberry.field(description="Share reached before, 0-1.")
    share_after: float | None = strawberry.field(description="Share reached after, 0-1.")
    change: float | None = strawberry.field(description="share after - share before.")


First = Annotated[
    int,
    strawberry.argument(
        description="How many to list (at most the page size limit); the count is always whole."
    ),
]


@strawberry.type(
    description="What changed between two moments of the network: partners and "
    "ties gained and lost, by sector and arena, and every health measure."
)
class SnapshotComparison:
    before: SnapshotMoment = strawberry.field(description="The earlier moment (as asked).")
    after: SnapshotMoment = strawberry.field(description="The later moment (as asked).")
    sentence: str = strawberry.field(description="The comparison in one sentence.")
    partners_gained_count: int = strawberry.field(description="How many partners were gained.")
    partners_lost_count: int = strawberry.field(description="How many partners were lost.")
    ties_gained_count: int = strawberry.field(description="How many ties were gained.")
    ties_lost_count: int = strawberry.field(description="How many ties were lost.")
    by_sector: list[SectorChange] = strawberry.field(description="Changes per sector.")
    by_arena: list[ArenaChange] = strawberry.field(description="Changes per arena.")
    measures: list[MeasureChange] = strawberry.field(description="Every health measure.")
    reach: list[ReachChange] = strawberry.field(description="Reach per target group.")
    result: strawberry.Private[service.Comparison]

    @strawberry.field(description="Partners gained, by id.")
    def partners_gained(self, info: Info[Context, None], first: First = 100) -> list[PartnerChange]:
        size = check_first(first, info.context.settings.max_page_size)
        return [PartnerChange.from_domain(p) for p in self.result.changes.partners_gained[:size]]

    @strawberry.field(description="Partners lost, by id.")
    def partners_lost(self, info: Info[Context, None], first: First = 100) -> list[PartnerChange]:
        size = check_first(first, info.context.settings.max_page_size)
        return [PartnerChange.from_domain(p) for p in self.result.changes.partners_lost[:size]]

    @strawberry.field(description="Ties gained, by source, type and target.")
    def ties_gained(self, info: Info[Context, None], first: First = 100) -> list[TieChange]:
        size = check_first(first, info.context.settings.max_page_size)
        return [TieChange.from_domain(t) for t in self.result.changes.ties_gained[:size]]

    @strawberry.field(description="Ties lost, by source, type and target.")
    def ties_lost(self, info: Info[Context, None], first: First = 100) -> list[TieChange]:
        size = check_first(first, info.context.settings.max_page_size)
        return [TieChange.from_domain(t) for t in self.result.changes.ties_lost[:size]]

    @classmethod
    def from_domain(cls, c: service.Comparison) -> SnapshotComparison:
        d = c.changes
        return cls(
            before=SnapshotMoment.from_domain(c.before),
            after=SnapshotMoment.from_domain(c.after),
            sentence=c.sentence,
            partners_gained_count=len(d.partners_gained),
            partners_lost_count=len(d.partners_lost),
            ties_gained_count=len(d.ties_gained),
            ties_lost_count=len(d.ties_lost),
            by_sector=[SectorChange(sector=sector_of(g.group), **_counts(g)) for g in d.by_sector],
            by_arena=[ArenaChange(arena=enums.Arena(g.group), **_counts(g)) for g in d.by_arena],
            measures=[
                MeasureChange(
                    measure=HealthMeasure(m.measure), before=m.before, after=m.after, change=m.change
                )
                for m in d.measures
            ],
            reach=[
                ReachChange(
                    target_group_id=strawberry.ID(r.target_group),
                    name=r.name,
                    members_before=r.members_before,
                    members_after=r.members_after,
                    reached_before=r.reached_before,
                    reached_after=r.reached_after,
                    share_before=r.share_before,
                    share_after=r.share_after,
                    change=r.change,
                )
                for r in d.reach
            ],
            result=c,
        )


def _counts(g: changes.GroupChange) -> dict[str, int]:
    return {
        "actors_before": g.actors_before,
        "actors_after": g.actors_after,
        "partners_gained": g.partners_gained,
        "partners_lost": g.partners_lost,
        "ties_gained": g.ties_gained,
        "ties_lost": g.ties_lost,
    }
