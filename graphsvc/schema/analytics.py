"""Analytics fields: node metrics, brokers between arenas, gap reports, partner
recommendations and communities. Each is one service call and a conversion; the service runs
the job off the event loop on the tenant's cached projection."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import (
    BrokerageGroup,
    BrokerRanking,
    CommunityResult,
    NodeMetricsResult,
)
from graphsvc.schema.context import Context
from graphsvc.schema.gap_types import GapReport
from graphsvc.schema.pagination import check_first, decode_cursor
from graphsvc.schema.recommendation_types import RecommendationOrder, Recommendations
from graphsvc.services import analytics as service
from graphsvc.services import whatif

__all__ = ["AnalyticsQuery", "ExpectedSectors", "Hops", "TargetGroupId", "Tenant", "sectors_of"]

Tenant = Annotated[
    str | None,
    strawberry.argument(
        description="The tenant; default: the X-Graphsvc-Tenant header, then the server's default tenant."
    ),
]
TargetGroupId = Annotated[strawberry.ID, strawberry.argument(description="The target group.")]
Hops = Annotated[
    int, strawberry.argument(description="The radius of the support network around the members, 1-4 ties.")
]
ExpectedSectors = Annotated[
    list[enums.Sector] | None,
    strawberry.argument(  # type: ignore[valid-type]
        description="The sectors a partnership around the group should have (default: public, "
        "civil society, business, philanthropy and knowledge)."
    ),
]
Top = Annotated[int, strawberry.argument(description="How many to return, 1-500.")]
YoungPeople = Annotated[bool, strawberry.argument(description="Whether young people are part of the graph.")]


def sectors_of(values: list[enums.Sector] | None) -> list[domain.Sector] | None:  # type: ignore[valid-type]
    return None if values is None else [domain.Sector(v.value) for v in values]


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(
        description="Degree, betweenness, closeness, eigenvector centrality, "
        "Burt's constraint and effective size per node, highest betweenness "
        "first, optionally of one kind or sector only."
    )
    async def node_metrics(
        self,
        info: Info[Context, None],
        kind: Annotated[
            enums.NodeKind | None,
            strawberry.argument(  # type: ignore[valid-type]
                description="Only nodes of this kind (an actor kind or YOUNG_PERSON)."
            ),
        ] = None,
        sector: Annotated[
            enums.Sector | None,
            strawberry.argument(  # type: ignore[valid-type]
                description="Only nodes of this sector."
            ),
        ] = None,
        include_young_people: YoungPeople = True,
        first: Annotated[
            int, strawberry.argument(description="Page size (at most the page size limit).")
        ] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the page before.")
        ] = None,
        tenant: Tenant = None,
    ) -> NodeMetricsResult:
        ctx = info.context
        size = check_first(first, ctx.settings.max_page_size)
        result = await service.metrics(
            ctx.scope(tenant),
            kind=enums.to_domain(kind, domain.Kind),
            sector=enums.to_domain(sector, domain.Sector),
            include_young_people=include_young_people,
        )
        return NodeMetricsResult.from_domain(result, first=size, after=decode_cursor(after))

    @strawberry.field(
        description="Who connects the actors of one arena to those of another "
        "(default: school to leisure), ranked by the share of shortest paths "
        "running through them, with their brokerage roles."
    )
    async def brokers(
        self,
        info: Info[Context, None],
        from_arena: Annotated[
            enums.Arena,
            strawberry.argument(  # type: ignore[valid-type]
                description="Paths start at actors of this arena."
            ),
        ] = enums.Arena.SCHOOL,  # type: ignore[attr-defined]
        to_arena: Annotated[
            enums.Arena,
            strawberry.argument(  # type: ignore[valid-type]
                description="Paths end at actors of this arena."
            ),
        ] = enums.Arena.LEISURE,  # type: ignore[attr-defined]
        area_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only actors located in this area (or its sub-areas) as ends."),
        ] = None,
        group_by: Annotated[
            BrokerageGroup,
            strawberry.argument(description="Count brokerage roles between sectors or between arenas."),
        ] = BrokerageGroup.SECTOR,
        include_young_people: Annotated[
            bool, strawberry.argument(description="Let paths run through young people too (never ranked).")
        ] = False,
        top: Top = 20,
        tenant: Tenant = None,
    ) -> BrokerRanking:
        ctx = info.context
        result = await service.brokers(
            ctx.scope(tenant),
            source_arena=domain.Arena(from_arena.value),
            target_arena=domain.Arena(to_arena.value),
            area=area_id,
            group_by=group_by.value,
            include_young_people=include_young_people,
            top=top,
        )
        return BrokerRanking.from_domain(result)

    @strawberry.field(
        description="What is missing around the young people of a target group: "
        "arena reach, missing and under-represented sectors, area gaps, schools "
        "without leisure, single points of failure, silos and the E-I index, "
        "each finding with a severity and a sentence."
    )
    async def gap_report(
        self,
        info: Info[Context, None],
        target_group_id: TargetGroupId,
        hops: Hops = 2,
        expected_sectors: ExpectedSectors = None,
        tenant: Tenant = None,
    ) -> GapReport:
        ctx = info.context
        report = await service.gaps(
            ctx.scope(tenant), target_group_id, hops=hops, expected_sectors=sectors_of(expected_sectors)
        )
        return GapReport.from_domain(report)

    @strawberry.field(
        description="Partners to recruit for the gaps around a target group, each "
        "with its reasons, contact persons and introduction path; in today's order (the score) "
        "or by the measured effect of recruiting each."
    )
    async def recommendations(
        self,
        info: Info[Context, None],
        target_group_id: TargetGroupId,
        top: Top = 20,
        hops: Hops = 2,
        expected_sectors: ExpectedSectors = None,
        order: Annotated[
            RecommendationOrder,
            strawberry.argument(
                description="SCORE: today's transparent score; EFFECT: the measured effect of "
                "recruiting each (a what-if per candidate)."
            ),
        ] = RecommendationOrder.SCORE,
        tenant: Tenant = None,
    ) -> Recommendations:
        ctx = info.context
        found = await whatif.ordered_recommendations(
            ctx.scope(tenant),
            target_group_id,
            top=top,
            hops=hops,
            expected_sectors=sectors_of(expected_sectors),
            order=order.value,
        )
        return Recommendations.from_domain(found.found, ordered=found)

    @strawberry.field(
        description="Louvain communities of the social graph with their sector "
        "and arena mix and their bridges to each other."
    )
    async def communities(
        self,
        info: Info[Context, None],
        seed: Annotated[
            int, strawberry.argument(description="The random seed: the same seed gives the same communities.")
        ] = 0,
        resolution: Annotated[
            float,
            strawberry.argument(description="Above 1 favours smaller communities, below 1 larger ones."),
        ] = 1.0,
        include_young_people: YoungPeople = True,
        tenant: Tenant = None,
    ) -> CommunityResult:
        ctx = info.context
        result = await service.communities(
            ctx.scope(tenant), seed=seed, resolution=resolution, include_young_people=include_young_people
        )
        return CommunityResult.from_domain(result)
