"""GraphQL types of the gap report for a target group, built from the analytics result."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from graphsvc import analytics
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import arenas_of, kind_of, sector_of

__all__ = ["Finding", "GapReport", "Severity"]


@strawberry.enum(description="How urgent a finding is.")
class Severity(Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@strawberry.enum(description="A sector in the support network, against the expected sectors.")
class SectorStatus(Enum):
    MISSING = "missing"
    UNDER_REPRESENTED = "under_represented"
    COVERED = "covered"
    NOT_EXPECTED = "not_expected"


@strawberry.type(description="One thing a coordinator should know, with its numbers.")
class Finding:
    code: str = strawberry.field(
        description="What kind of finding: no_members, members_without_focus, "
        "members_one_arena, missing_sector, under_represented_sector, area_gap, "
        "school_without_leisure, single_point_of_failure, silo or ei_index."
    )
    severity: Severity = strawberry.field(description="How urgent it is.")
    sentence: str = strawberry.field(description="The finding in plain words.")
    subjects: list[str] = strawberry.field(
        description="Ids of the nodes it is about (an area, a school, an actor), or sectors."
    )
    values: JSON = strawberry.field(description="Every number and name in the sentence, by name.")


@strawberry.type(description="Arena reach of a group of target-group members.")
class ReachCounts:
    group: str = strawberry.field(description="'all', an area id or an age band.")
    label: str = strawberry.field(description="The area's name, the age band, or all members.")
    members: int = strawberry.field(description="Members in the group.")
    without_focus_arena: int = strawberry.field(
        description="Members with no tie to an actor of the focus arena (leisure)."
    )
    one_arena: int = strawberry.field(description="Members whose ties reach only one arena.")
    no_ties: int = strawberry.field(description="Members with no tie to any actor.")


@strawberry.type(description="Members' arena reach overall, per area and per age band.")
class ArenaReach:
    overall: ReachCounts = strawberry.field(description="All members.")
    by_area: list[ReachCounts] = strawberry.field(description="Per area, largest first.")
    by_age_band: list[ReachCounts] = strawberry.field(description="Per age band.")


@strawberry.type(description="An actor of the support network around the target group.")
class SupportActor:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(description="Its arenas.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(description="Where it is located.")
    hops: int | None = strawberry.field(
        description="Ties from the nearest member; null when it is there only through an "
        "initiative for the group."
    )
    initiative_ids: list[strawberry.ID] = strawberry.field(
        description="Initiatives for the group it takes part in or funds."
    )


@strawberry.type(
    description="The actors within some hops of the members, plus the actors of "
    "initiatives targeting the group."
)
class SupportNetwork:
    hops: int = strawberry.field(description="The radius around the members.")
    actor_count: int = strawberry.field(description="How many actors it holds.")
    actors: list[SupportActor] = strawberry.field(description="Its actors, nearest first.")


@strawberry.type(description="One sector in the support network against the whole tenant.")
class SectorShare:
    sector: enums.Sector = strawberry.field(description="The sector.")  # type: ignore[valid-type]
    support_actors: int = strawberry.field(description="Its actors in the support network.")
    support_share: float = strawberry.field(description="Their share of the support network.")
    registry_actors: int = strawberry.field(description="Its actors in the whole tenant.")
    registry_share: float = strawberry.field(description="Their share of all actors.")
    ratio: float | None = strawberry.field(
        description="supportShare / registryShare (null when the tenant has none)."
    )
    status: SectorStatus = strawberry.field(description="Missing, under-represented, ...")


@strawberry.type(description="Sector coverage of the support network.")
class SectorCoverage:
    expected: list[enums.Sector] = strawberry.field(description="The sectors expected.")  # type: ignore[valid-type]
    under_ratio: float = strawberry.field(description="Under-represented means a ratio below this.")
    sectors: list[SectorShare] = strawberry.field(description="Every sector.")
    missing: list[enums.Sector] = strawberry.field(  # type: ignore[valid-type]
        description="Expected sectors with no actor in the support network."
    )
    under_represented: list[enums.Sector] = strawberry.field(  # type: ignore[valid-type]
        description="Expected sectors with too few actors there."
    )


@strawberry.type(description="An area where members live that no leisure actor reaches.")
class AreaGap:
    area_id: strawberry.ID = strawberry.field(description="The area.")
    name: str = strawberry.field(description="Its name.")
    members: int = strawberry.field(description="Members living there.")
    young_people: int = strawberry.field(description="Young people living there.")


@strawberry.type(description="A school-arena actor with no leisure actor within some hops.")
class SchoolGap:
    school_id: strawberry.ID = strawberry.field(description="The school.")
    name: str = strawberry.field(description="Its name.")
    hops: int = strawberry.field(description="How many ties were searched.")
    members_attending: int = strawberry.field(description="Members attending it.")
    young_people_attending: int = strawberry.field(description="Young people attending it.")


@strawberry.type(description="An actor whose removal cuts members off from leisure.")
class SinglePointOfFailure:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    members_cut_off: int = strawberry.field(
        description="Members with no leisure actor within two hops without it."
    )
    members_with_access: int = strawberry.field(
        description="Members with a leisure actor within two hops at all."
    )


@strawberry.type(description="A community with school actors and no leisure actor.")
class Silo:
    community: int = strawberry.field(description="Its number within this report.")
    school_actor_ids: list[strawberry.ID] = strawberry.field(description="Its school actors.")
    actors: int = strawberry.field(description="Actors in it.")
    members: int = strawberry.field(description="Members in it.")
    young_people: int = strawberry.field(description="Young people in it.")


@strawberry.type(
    description="Krackhardt and Stern's E-I index between sectors: -1 when every "
    "tie stays inside a sector, +1 when every tie crosses."
)
class EIIndex:
    external: int = strawberry.field(description="Ties between different sectors.")
    internal: int = strawberry.field(description="Ties within one sector.")
    index: float | None = strawberry.field(description="(E - I) / (E + I); null without ties.")


@strawberry.type(description="What is missing around the young people of a target group.")
class GapReport:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    name: str = strawberry.field(description="Its name.")
    focus_arena: enums.Arena = strawberry.field(  # type: ignore[valid-type]
        description="The arena members should reach."
    )
    hops: int = strawberry.field(description="The radius of the support network.")
    seed: int = strawberry.field(description="The seed of the Louvain silos.")
    member_count: int = strawberry.field(description="Members of the group.")
    matched_count: int = strawberry.field(description="Members matching its criteria.")
    explicit_count: int = strawberry.field(description="Members enrolled explicitly.")
    reach: ArenaReach = strawberry.field(description="Members' arena reach.")
    initiative_ids: list[strawberry.ID] = strawberry.field(description="Initiatives targeting the group.")
    support_network: SupportNetwork = strawberry.field(description="The actors around them.")
    sectors: SectorCoverage = strawberry.field(description="Sector coverage.")
    area_gaps: list[AreaGap] = strawberry.field(description="Areas no leisure actor reaches.")
    schools_without_leisure: list[SchoolGap] = strawberry.field(
        description="Schools with no leisure actor within two hops."
    )
    single_points_of_failure: list[SinglePointOfFailure] = strawberry.field(
        description="Actors whose removal cuts most members off from leisure, worst first."
    )
    members_with_leisure_access: int = strawberry.field(
        description="Members with a leisure actor within two hops."
    )
    silos: list[Silo] = strawberry.field(description="School clusters with no leisure actor.")
    ei_support: EIIndex = strawberry.field(description="E-I index of the support network.")
    ei_tenant: EIIndex = strawberry.field(description="E-I index of the whole tenant.")
    findings: list[Finding] = strawberry.field(description="Findings, most severe first.")

    @classmethod
    def from_domain(cls, r: analytics.GapReport) -> GapReport:
        return cls(
            target_group_id=strawberry.ID(r.target_group),
            name=r.name,
            focus_arena=enums.Arena(r.focus_arena),
            hops=r.hops,
            seed=r.seed,
            member_count=len(r.members.members),
            matched_count=len(r.members.matched),
            explicit_count=len(r.members.explicit),
            reach=ArenaReach(
                overall=_reach(r.reach.overall),
                by_area=[_reach(c) for c in r.reach.by_area],
                by_age_band=[_reach(c) for c in r.reach.by_age_band],
            ),
            initiative_ids=_ids(r.initiatives),
            support_network=SupportNetwork(
                hops=r.support.hops,
                actor_count=len(r.support.actors),
                actors=[_support(a) for a in r.support.actors],
            ),
            sectors=SectorCoverage(
                expected=_sectors(r.sectors.expected),
                under_ratio=r.sectors.under_ratio,
                sectors=[
                    SectorShare(
                        sector=enums.Sector(s.sector),
                        support_actors=s.support_actors,
                        support_share=s.support_share,
                        registry_actors=s.registry_actors,
                        registry_share=s.registry_share,
                        ratio=s.ratio,
                        status=SectorStatus(s.status),
                    )
                    for s in r.sectors.sectors
                ],
                missing=_sectors(r.sectors.missing),
                under_represented=_sectors(r.sectors.under_represented),
            ),
            area_gaps=[
                AreaGap(
                    area_id=strawberry.ID(g.area), name=g.name, members=g.members, young_people=g.young_people
                )
                for g in r.area_gaps
            ],
            schools_without_leisure=[
                SchoolGap(
                    school_id=strawberry.ID(s.school),
                    name=s.name,
                    hops=s.hops,
                    members_attending=s.members_attending,
                    young_people_attending=s.young_people_attending,
                )
                for s in r.schools_without_leisure
            ],
            single_points_of_failure=[
                SinglePointOfFailure(
                    id=strawberry.ID(s.node),
                    name=s.name,
                    kind=kind_of(s.kind),
                    sector=sector_of(s.sector),
                    members_cut_off=s.members_cut_off,
                    members_with_access=s.members_with_access,
                )
                for s in r.single_points_of_failure
            ],
            members_with_leisure_access=r.members_with_leisure_access,
            silos=[
                Silo(
                    community=s.community,
                    school_actor_ids=_ids(s.school_actors),
                    actors=s.actors,
                    members=s.members,
                    young_people=s.young_people,
                )
                for s in r.silos
            ],
            ei_support=_ei(r.ei_support),
            ei_tenant=_ei(r.ei_tenant),
            findings=[finding(f) for f in r.findings],
        )


def finding(f: analytics.Finding) -> Finding:
    return Finding(
        code=f.code,
        severity=Severity(f.severity.value),
        sentence=f.sentence,
        subjects=list(f.subjects),
        values=analytics.as_dict(f.values),
    )


def _ids(values: Any) -> list[strawberry.ID]:
    return [strawberry.ID(v) for v in values]


def _sectors(values: Any) -> list[Any]:
    return [enums.Sector(v) for v in values]


def _reach(c: analytics.ReachCounts) -> ReachCounts:
    return ReachCounts(
        group=c.group,
        label=c.label,
        members=c.members,
        without_focus_arena=c.without_focus,
        one_arena=c.one_arena,
        no_ties=c.no_ties,
    )


def _support(a: analytics.SupportActor) -> SupportActor:
    return SupportActor(
        id=strawberry.ID(a.node),
        name=a.name,
        kind=kind_of(a.kind),
        sector=sector_of(a.sector),
        arenas=arenas_of(a.arenas),
        area_id=None if a.area is None else strawberry.ID(a.area),
        hops=a.hops,
        initiative_ids=_ids(a.initiatives),
    )


def _ei(ei: analytics.EIIndex) -> EIIndex:
    return EIIndex(external=ei.external, internal=ei.internal, index=ei.index)
