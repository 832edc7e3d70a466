"""Read fields: nodes by id, filtered pages of each kind, and neighbourhoods."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.domain import ACTOR_KINDS, Kind, NodeFilter
from graphsvc.schema import enums
from graphsvc.schema.context import Context
from graphsvc.schema.pagination import Connection, check_first, decode_cursor, to_connection
from graphsvc.schema.types import (
    Actor,
    Area,
    ContactPerson,
    Initiative,
    Node,
    TargetGroup,
    YoungPerson,
    node_to_graphql,
)
from graphsvc.services import nodes as node_service

__all__ = ["NodeQuery"]

Id = Annotated[strawberry.ID, strawberry.argument(description="The node's id.")]
First = Annotated[int, strawberry.argument(description="Page size (at most the page size limit).")]
After = Annotated[str | None, strawberry.argument(description="The `endCursor` of the page before.")]
Tenant = Annotated[
    str | None,
    strawberry.argument(
        description="The tenant; default: the X-Graphsvc-Tenant header, then the server's default tenant."
    ),
]


@strawberry.input(description="Filters for actors; each one given narrows the list.")
class ActorFilter:
    kind: enums.ActorKind | None = strawberry.field(default=None, description="Kind of actor.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(default=None, description="Sector.")  # type: ignore[valid-type]
    arena: enums.Arena | None = strawberry.field(default=None, description="Belongs to this arena.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(default=None, description="Located in this area.")
    search: str | None = strawberry.field(default=None, description="Words in the name (prefixes).")


@strawberry.input(description="Filters for young people.")
class YoungPersonFilter:
    age_band: enums.AgeBand | None = strawberry.field(default=None, description="Age band.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(default=None, description="Lives in this area.")
    search: str | None = strawberry.field(default=None, description="Words in the pseudonym.")


@strawberry.input(description="Filters by name and area.")
class NameFilter:
    area_id: strawberry.ID | None = strawberry.field(default=None, description="In this area.")
    search: str | None = strawberry.field(default=None, description="Words in the name (prefixes).")


async def _page(
    info: Info[Context, None], tenant: str | None, filters: NodeFilter, first: int, after: str | None
) -> Connection[Any]:
    ctx = info.context
    scope = ctx.scope(tenant)
    page = await node_service.list_nodes(
        scope, filters, first=check_first(first, ctx.settings.max_page_size), after=decode_cursor(after)
    )
    return to_connection(
        [node_to_graphql(n, scope.tenant) for n in page.nodes], page.total, page.has_next_page
    )


async def _one(info: Info[Context, None], tenant: str | None, node_id: str, kinds: frozenset[Kind]) -> Any:
    scope = info.context.scope(tenant)
    node = await node_service.get_node(scope, node_id, kinds)
    return node_to_graphql(node, scope.tenant) if node else None


def _kind(value: Any) -> frozenset[Kind]:
    return frozenset({Kind(value.value)})


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any node by id.")
    async def node(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> Node | None:
        return await _one(info, tenant, id, frozenset(Kind))

    @strawberry.field(description="An actor by id.")
    async def actor(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> Actor | None:
        return await _one(info, tenant, id, ACTOR_KINDS)

    @strawberry.field(description="A young person by id.")
    async def young_person(
        self, info: Info[Context, None], id: Id, tenant: Tenant = None
    ) -> YoungPerson | None:
        return await _one(info, tenant, id, frozenset({Kind.YOUNG_PERSON}))

    @strawberry.field(description="A contact person by id.")
    async def contact_person(
        self, info: Info[Context, None], id: Id, tenant: Tenant = None
    ) -> ContactPerson | None:
        return await _one(info, tenant, id, frozenset({Kind.PERSON}))

    @strawberry.field(description="An area by id.")
    async def area(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> Area | None:
        return await _one(info, tenant, id, frozenset({Kind.AREA}))

    @strawberry.field(description="A target group by id.")
    async def target_group(
        self, info: Info[Context, None], id: Id, tenant: Tenant = None
    ) -> TargetGroup | None:
        return await _one(info, tenant, id, frozenset({Kind.TARGET_GROUP}))

    @strawberry.field(description="An initiative by id.")
    async def initiative(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> Initiative | None:
        return await _one(info, tenant, id, frozenset({Kind.INITIATIVE}))

    @strawberry.field(description="Actors, by id, filtered and a page at a time.")
    async def actors(
        self,
        info: Info[Context, None],
        filter: ActorFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[Actor]:
        f = filter or ActorFilter()
        filters = NodeFilter(
            kinds=_kind(f.kind) if f.kind else ACTOR_KINDS,
            sector=enums.to_domain(f.sector, domain.Sector),
            arena=enums.to_domain(f.arena, domain.Arena),
            area=f.area_id,
            search=f.search,
        )
        return await _page(info, tenant, filters, first, after)

    @strawberry.field(description="Young people (pseudonymous), filtered and a page at a time.")
    async def young_people(
        self,
        info: Info[Context, None],
        filter: YoungPersonFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[YoungPerson]:
        f = filter or YoungPersonFilter()
        filters = NodeFilter(
            kinds=frozenset({Kind.YOUNG_PERSON}),
            age_band=enums.to_domain(f.age_band, domain.AgeBand),
            area=f.area_id,
            search=f.search,
        )
        return await _page(info, tenant, filters, first, after)

    @strawberry.field(description="Contact persons, a page at a time.")
    async def contact_persons(
        self,
        info: Info[Context, None],
        filter: NameFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[ContactPerson]:
        return await _page(info, tenant, _named(Kind.PERSON, filter), first, after)

    @strawberry.field(description="Areas, a page at a time.")
    async def areas(
        self,
        info: Info[Context, None],
        filter: NameFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[Area]:
        return await _page(info, tenant, _named(Kind.AREA, filter), first, after)

    @strawberry.field(description="Target groups, a page at a time.")
    async def target_groups(
        self,
        info: Info[Context, None],
        filter: NameFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[TargetGroup]:
        return await _page(info, tenant, _named(Kind.TARGET_GROUP, filter), first, after)

    @strawberry.field(description="Initiatives, a page at a time.")
    async def initiatives(
        self,
        info: Info[Context, None],
        filter: NameFilter | None = None,
        first: First = 50,
        after: After = None,
        tenant: Tenant = None,
    ) -> Connection[Initiative]:
        return await _page(info, tenant, _named(Kind.INITIATIVE, filter), first, after)


def _named(kind: Kind, f: NameFilter | None) -> NodeFilter:
    f = f or NameFilter()
    return NodeFilter(kinds=frozenset({kind}), area=f.area_id, search=f.search)
