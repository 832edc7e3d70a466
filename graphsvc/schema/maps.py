"""Saved map views and share links from GraphQL.

Saving a view, making and listing share links need a coordinator; revoking one needs the
coordinator who made it or an admin. Every user of the tenant may list and open saved views.
The maps themselves are pages and files served over REST (``graphsvc.api.maps``).
"""

from __future__ import annotations

import html
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc.errors import InvalidInput, NotFound, Problem
from graphsvc.maps import map_options
from graphsvc.schema import enums
from graphsvc.schema.context import Context
from graphsvc.schema.errors import InvalidInputError, NotFoundError, attempt
from graphsvc.schema.map_types import (
    MapKind,
    MapLanguage,
    MapMetric,
    MapView,
    MapYoungPeople,
    NewShareLink,
    ShareLink,
    downloads,
)
from graphsvc.services import map_views as service
from graphsvc.services.maps import map_title_for

__all__ = ["MapViewMutation", "MapViewQuery"]

Tenant = Annotated[str | None, strawberry.argument(description="The tenant; default: the caller's.")]
DEFAULT_LINK_DAYS = 90
# Option names in messages: the GraphQL input's, not the query string's.
_FIELD_NAMES = {
    "target_group": "targetGroup",
    "from": "fromArena",
    "to": "toArena",
    "young": "youngPeople",
    "hide_sectors": "hideSectors",
    "hide_kinds": "hideKinds",
    "hide_ties": "hideTies",
    "only_area": "onlyArea",
    "focus_steps": "focusSteps",
}


@strawberry.input(
    description="A map to save. Options a kind does not take must be left out "
    "(see the map kinds in the README)."
)
class MapViewInput:
    kind: MapKind = strawberry.field(description="Which map.")
    metric: MapMetric | None = strawberry.field(
        default=None, description="Default: BROKER on a brokers map, else DEGREE."
    )
    young_people: MapYoungPeople | None = strawberry.field(default=None, description="Default: GROUPS.")
    title: str | None = strawberry.field(
        default=None, description="Default: written from what the map shows."
    )
    lang: MapLanguage = strawberry.field(
        default=MapLanguage.DA, description="The language of the map's words (DA)."
    )
    target_group: strawberry.ID | None = strawberry.field(
        default=None, description="Target-group and gaps maps: the target group."
    )
    hops: int | None = strawberry.field(
        default=None, description="Target-group and gaps maps: the support network's radius, 1-4 (2)."
    )
    actor: strawberry.ID | None = strawberry.field(default=None, description="Ego maps: the centre actor.")
    depth: int | None = strawberry.field(default=None, description="Ego maps: 1 or 2 (1).")
    area: strawberry.ID | None = strawberry.field(
        default=None, description="Network and brokers maps: only this area."
    )
    from_arena: enums.Arena | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Brokers maps (and BROKER size): from this arena (SCHOOL)."
    )
    to_arena: enums.Arena | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Brokers maps (and BROKER size): to this arena (LEISURE)."
    )
    top: int | None = strawberry.field(
        default=None, description="Brokers maps: how many brokers to highlight, 1-50 (10)."
    )
    hide_sectors: list[str] | None = strawberry.field(
        default=None, description="Sectors the map opens with hidden (public, civil_society, ...)."
    )
    hide_kinds: list[str] | None = strawberry.field(
        default=None, description="Kinds the map opens with hidden (Association, YoungPeopleGroup, ...)."
    )
    hide_ties: list[str] | None = strawberry.field(
        default=None,
        description="Tie types the map opens with hidden: collaboration, referral, funding, "
        "participation, youth, residence.",
    )
    only_area: strawberry.ID | None = strawberry.field(
        default=None, description="The map opens showing only the nodes of this area."
    )
    focus: strawberry.ID | None = strawberry.field(
        default=None, description="The map opens focused on this actor."
    )
    focus_steps: int | None = strawberry.field(
        default=None, description="With focus: how many ties out from the actor, 1-3 (1)."
    )

    def params(self) -> dict[str, Any]:
        def value(v: Any) -> Any:
            return v.value if hasattr(v, "value") else v

        return {
            "metric": value(self.metric),
            "young": value(self.young_people),
            "title": self.title,
            "lang": self.lang.value,
            "target_group": self.target_group,
            "hops": self.hops,
            "actor": self.actor,
            "depth": self.depth,
            "area": self.area,
            "from": value(self.from_arena),
            "to": value(self.to_arena),
            "top": self.top,
            "hide_sectors": self.hide_sectors,
            "hide_kinds": self.hide_kinds,
            "hide_ties": self.hide_ties,
            "only_area": self.only_area,
            "focus": self.focus,
            "focus_steps": self.focus_steps,
        }


SaveMapViewResult = Annotated[
    MapView | InvalidInputError | NotFoundError,
    strawberry.union("SaveMapViewResult", description="The saved view, or why nothing was saved."),
]
CreateShareLinkResult = Annotated[
    NewShareLink | InvalidInputError | NotFoundError,
    strawberry.union(
        "CreateShareLinkResult", description="The new link with its token, or why none was made."
    ),
]
RevokeShareLinkResult = Annotated[
    ShareLink | NotFoundError,
    strawberry.union("RevokeShareLinkResult", description="The revoked link, or why nothing was revoked."),
]


@strawberry.type(description="A saved view was deleted; its share links no longer work.")
class DeletedMapView:
    id: strawberry.ID = strawberry.field(description="The deleted view.")
    share_links_revoked: int = strawberry.field(description="Its share links, revoked with it.")


DeleteMapViewResult = Annotated[
    DeletedMapView | NotFoundError,
    strawberry.union("DeleteMapViewResult", description="What was deleted, or why nothing was."),
]


def _renamed(error: InvalidInput) -> InvalidInput:
    problems = [Problem(_FIELD_NAMES.get(p.record, p.record), p.problem) for p in error.problems]
    return InvalidInput("the map cannot be saved", problems) if problems else error


@strawberry.type
class MapViewQuery:
    @strawberry.field(description="The tenant's saved map views, newest first.")
    async def map_views(self, info: Info[Context, None], tenant: Tenant = None) -> list[MapView]:
        ctx = info.context
        scope = ctx.scope(tenant)
        return [MapView.from_view(v) for v in await service.views(scope)]

    @strawberry.field(description="One saved map view; null when there is none with this id.")
    async def map_view(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> MapView | None:
        ctx = info.context
        scope = ctx.scope(tenant)
        try:
            return MapView.from_view(await service.view(scope, str(id)))
        except NotFound:
            return None

    @strawberry.field(
        description="Share links (of one view, or all), newest first; tokens are "
        "never shown again. Coordinators and admins."
    )
    async def share_links(
        self, info: Info[Context, None], view_id: strawberry.ID | None = None, tenant: Tenant = None
    ) -> list[ShareLink]:
        ctx = info.context
        scope = ctx.scope(tenant)
        links = await service.share_links(scope, str(view_id) if view_id else None)
        return [ShareLink.from_stored(link) for link in links]


@strawberry.type
class MapViewMutation:
    @strawberry.mutation(
        description="Save a map view: which map, its options, size metric, title and language."
    )
    async def save_map_view(
        self, info: Info[Context, None], input: MapViewInput, tenant: Tenant = None
    ) -> SaveMapViewResult:
        ctx = info.context
        scope = ctx.scope(tenant)

        async def save() -> MapView:
            try:
                options = map_options(input.kind.value, input.params())
            except InvalidInput as e:
                raise _renamed(e) from None
            return MapView.from_view(await service.save_view(scope, options))

        return await attempt(save())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Give a saved view another title (null: the map's own).")
    async def rename_map_view(
        self, info: Info[Context, None], id: strawberry.ID, title: str | None = None, tenant: Tenant = None
    ) -> SaveMapViewResult:
        scope = info.context.scope(tenant)

        async def rename() -> MapView:
            return MapView.from_view(await service.rename_view(scope, str(id), title))

        return await attempt(rename())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Delete a saved view; its share links stop working.")
    async def delete_map_view(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> DeleteMapViewResult:
        scope = info.context.scope(tenant)

        async def delete() -> DeletedMapView:
            revoked = await service.delete_view(scope, str(id))
            return DeletedMapView(id=id, share_links_revoked=revoked)

        return await attempt(delete())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="A read-only share link to a saved view, with an <iframe> "
        "snippet. The token is shown only now."
    )
    async def create_share_link(
        self,
        info: Info[Context, None],
        view_id: strawberry.ID,
        expires_in_days: Annotated[
            int | None,
            strawberry.argument(description="Days until the link stops working, 1-3650; null: never."),
        ] = DEFAULT_LINK_DAYS,
        tenant: Tenant = None,
    ) -> CreateShareLinkResult:
        ctx = info.context
        scope = ctx.scope(tenant)

        async def create() -> NewShareLink:
            found = await service.view(scope, str(view_id))
            made = await service.create_share_link(scope, found.id, expires_in_days=expires_in_days)
            base = str(ctx.request.base_url) if ctx.request is not None else "/"
            url = base.rstrip("/") + f"/share/{made.token}"
            title = await map_title_for(scope, found.options)
            iframe = (
                f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" '
                'width="960" height="600" style="border:0" loading="lazy" '
                'referrerpolicy="no-referrer" allowfullscreen></iframe>'
            )
            return NewShareLink(
                token=made.token,
                url=url,
                iframe=iframe,
                expires_at=made.link.expires_at,
                downloads=downloads(url),
                link=ShareLink.from_stored(made.link),
            )

        return await attempt(create())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Revoke a share link at once: the coordinator who made it, or an admin.")
    async def revoke_share_link(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> RevokeShareLinkResult:
        ctx = info.context
        scope = ctx.scope(tenant)

        async def revoke() -> ShareLink:
            return ShareLink.from_stored(await service.revoke_share_link(scope, str(id)))

        return await attempt(revoke())  # type: ignore[no-any-return]
