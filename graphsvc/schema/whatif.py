"""The what-if from GraphQL: a query, since nothing is written (it runs on a copy of the
tenant's cached projection). One service call and a conversion."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.analytics import Recruit, Scenario
from graphsvc.schema.analytics import ExpectedSectors, Hops, TargetGroupId, Tenant, sectors_of
from graphsvc.schema.context import Context
from graphsvc.schema.whatif_types import WhatIf
from graphsvc.services import whatif as service

__all__ = ["ActorPairInput", "RecruitInput", "WhatIfInput", "WhatIfQuery"]


@strawberry.input(description="A candidate to recruit, and how it would be tied.")
class RecruitInput:
    actor_id: strawberry.ID = strawberry.field(description="The candidate.")
    via_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The partner who would introduce it (a tie to it). Default: its introduction path.",
    )
    tie_to_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The actors it would work with, instead of its introducer."
    )
    join_initiative: bool = strawberry.field(
        default=True, description="Whether it would join the first initiative for the group."
    )


@strawberry.input(description="Two actors.")
class ActorPairInput:
    first_id: strawberry.ID = strawberry.field(description="One actor.")
    second_id: strawberry.ID = strawberry.field(description="The other.")


@strawberry.input(description="A proposed change: any of recruits, new ties, ties that go, actors that go.")
class WhatIfInput:
    recruit: list[RecruitInput] = strawberry.field(default_factory=list, description="Candidates to recruit.")
    add_ties: list[ActorPairInput] = strawberry.field(default_factory=list, description="New collaborations.")
    remove_ties: list[ActorPairInput] = strawberry.field(
        default_factory=list, description="Pairs whose every tie would go."
    )
    remove_actor_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Actors that would leave (a broker leaves, a club closes)."
    )

    def to_domain(self) -> Scenario:
        return Scenario(
            recruit=tuple(
                Recruit(
                    str(r.actor_id),
                    via=None if r.via_id is None else str(r.via_id),
                    ties_to=None if r.tie_to_ids is None else tuple(str(t) for t in r.tie_to_ids),
                    join_initiative=r.join_initiative,
                )
                for r in self.recruit
            ),
            add_ties=tuple((str(p.first_id), str(p.second_id)) for p in self.add_ties),
            remove_ties=tuple((str(p.first_id), str(p.second_id)) for p in self.remove_ties),
            remove_actors=tuple(str(a) for a in self.remove_actor_ids),
        )


@strawberry.type
class WhatIfQuery:
    @strawberry.field(
        description="What a change would do for a target group before anyone is asked: recruit "
        "candidates, add or remove ties, lose actors. The gap report and the school→leisure "
        "brokers as they would be, the difference, and a sentence in English and Danish for each. "
        "Nothing is written."
    )
    async def what_if(
        self,
        info: Info[Context, None],
        target_group_id: TargetGroupId,
        change: Annotated[WhatIfInput, strawberry.argument(description="The change, 1 to 20 items.")],
        hops: Hops = 2,
        expected_sectors: ExpectedSectors = None,
        brokers: Annotated[
            bool,
            strawberry.argument(description="Whether to rank the school→leisure brokers before and after."),
        ] = True,
        tenant: Tenant = None,
    ) -> WhatIf:
        ctx = info.context
        result = await service.what_if(
            ctx.scope(tenant),
            target_group_id,
            change.to_domain(),
            hops=hops,
            expected_sectors=sectors_of(expected_sectors),
            brokers=brokers,
        )
        return WhatIf.from_domain(result)
