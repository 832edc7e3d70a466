"""Presentations from GraphQL: saved map views in order, each step with a heading and a text,
shown full screen (``/presentations/{id}.html``), as one offline file and through share links.

Every user of the tenant may list and show presentations; creating, editing, reordering and
deleting them and making and listing share links need a coordinator; revoking a link needs the
coordinator who made it or an admin (:mod:`graphsvc.services.presentations`).
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.errors import NotFound
from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.services import presentations as service
from graphsvc.services.presentations import StoredPresentation, StoredPresentationLink

__all__ = ["PresentationMutation", "PresentationQuery"]

Tenant = Annotated[str | None, strawberry.argument(description="The tenant; default: the caller's.")]
DEFAULT_LINK_DAYS = 90


@strawberry.type(description="One step of a presentation: a saved map view with its words.")
class PresentationStep:
    view_id: strawberry.ID = strawberry.field(description="The saved map view shown.")
    heading: str = strawberry.field(description="The step's heading.")
    text: str = strawberry.field(description="A short text shown with the map (may be empty).")


@strawberry.type(description="Saved map views in order, each with a heading and a short text.")
class Presentation:
    id: strawberry.ID = strawberry.field(description="The presentation's id (`presentation-…`).")
    title: str = strawberry.field(description="Its title, unique in the tenant.")
    steps: list[PresentationStep] = strawberry.field(description="The steps, in the order shown.")
    url: str = strawberry.field(description="The presentation, full screen (a path on this server).")
    download: str = strawberry.field(description="The presentation as one offline HTML file.")
    created_by: str = strawberry.field(description="The user who made it.")
    created_at: datetime.datetime = strawberry.field(description="When it was made.")
    updated_at: datetime.datetime = strawberry.field(description="When it was last changed.")

    @classmethod
    def from_stored(cls, p: StoredPresentation) -> Presentation:
        return cls(
            id=strawberry.ID(p.id),
            title=p.title,
            steps=[
                PresentationStep(view_id=strawberry.ID(s.view_id), heading=s.heading, text=s.text)
                for s in p.steps
            ],
            url=f"/presentations/{p.id}.html",
            download=f"/presentations/{p.id}/download.html",
            created_by=p.created_by,
            created_at=p.created_at,
            updated_at=p.updated_at,
        )


@strawberry.enum(description="Whether a presentation link still works.")
class PresentationLinkStatus(Enum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


@strawberry.type(
    description="A read-only link to one presentation, for people without an account. Its "
    "token is shown only when the link is made."
)
class PresentationLink:
    id: strawberry.ID = strawberry.field(description="The link's id (not its token).")
    presentation_id: strawberry.ID = strawberry.field(description="The presentation it shows.")
    status: PresentationLinkStatus = strawberry.field(description="Whether it still works.")
    created_by: str = strawberry.field(description="The user who made it.")
    created_at: datetime.datetime = strawberry.field(description="When it was made.")
    expires_at: datetime.datetime | None = strawberry.field(description="Null: never expires.")
    revoked_at: datetime.datetime | None = strawberry.field(
        description="When it was revoked; null: it was not."
    )
    last_used_at: datetime.datetime | None = strawberry.field(
        description="When it was last opened (noted at most once a minute); null: never."
    )

    @classmethod
    def from_stored(cls, link: StoredPresentationLink) -> PresentationLink:
        now = datetime.datetime.now(datetime.UTC)
        status = (
            PresentationLinkStatus.REVOKED
            if link.revoked_at is not None
            else PresentationLinkStatus.EXPIRED
            if link.expires_at is not None and link.expires_at <= now
            else PresentationLinkStatus.ACTIVE
        )
        return cls(
            id=strawberry.ID(link.id),
            presentation_id=strawberry.ID(link.presentation_id),
            status=status,
            created_by=link.created_by,
            created_at=link.created_at,
            expires_at=link.expires_at,
            revoked_at=link.revoked_at,
            last_used_at=link.last_used_at,
        )


@strawberry.type(
    description="A presentation link as made. Keep the URL now: only a hash of the token is "
    "stored, so it cannot be shown again."
)
class NewPresentationLink:
    token: str = strawberry.field(description="The secret (`gsv_…`): shown this once.")
    url: str = strawberry.field(description="The presentation for anyone with the link (absolute URL).")
    download: str = strawberry.field(description="The shared presentation as one offline HTML file.")
    link: PresentationLink = strawberry.field(description="The link as listed and revoked later.")


@strawberry.input(description="One step: a saved map view of the tenant, a heading, a short text.")
class PresentationStepInput:
    view_id: strawberry.ID = strawberry.field(description="A saved map view; each view at most once.")
    heading: str = strawberry.field(description=f"1-{service.MAX_HEADING} characters.")
    text: str = strawberry.field(default="", description=f"At most {service.MAX_TEXT} characters.")


@strawberry.input(description="A presentation: its title and its steps in the order shown.")
class PresentationInput:
    title: str = strawberry.field(description="1-200 characters, unique in the tenant.")
    steps: list[PresentationStepInput] = strawberry.field(
        description=f"1-{service.MAX_STEPS} steps, in order (reorder by sending the new order)."
    )

    def step_inputs(self) -> list[service.StepInput]:
        return [service.StepInput(view_id=str(s.view_id), heading=s.heading, text=s.text) for s in self.steps]


SavePresentationResult = Annotated[
    Presentation | InvalidInputError | NotFoundError | DuplicateError,
    strawberry.union(
        "SavePresentationResult", description="The saved presentation, or why nothing was saved."
    ),
]


@strawberry.type(description="A presentation was deleted; its share links no longer work.")
class DeletedPresentation:
    id: strawberry.ID = strawberry.field(description="The deleted presentation.")
    share_links_revoked: int = strawberry.field(description="Its share links, revoked with it.")


DeletePresentationResult = Annotated[
    DeletedPresentation | NotFoundError,
    strawberry.union("DeletePresentationResult", description="What was deleted, or why nothing was."),
]
CreatePresentationLinkResult = Annotated[
    NewPresentationLink | InvalidInputError | NotFoundError,
    strawberry.union(
        "CreatePresentationLinkResult", description="The new link with its token, or why none was made."
    ),
]
RevokePresentationLinkResult = Annotated[
    PresentationLink | NotFoundError,
    strawberry.union(
        "RevokePresentationLinkResult", description="The revoked link, or why nothing was revoked."
    ),
]


@strawberry.type
class PresentationQuery:
    @strawberry.field(description="The tenant's presentations, most recently changed first.")
    async def presentations(self, info: Info[Context, None], tenant: Tenant = None) -> list[Presentation]:
        scope = info.context.scope(tenant)
        return [Presentation.from_stored(p) for p in await service.presentations(scope)]

    @strawberry.field(description="One presentation; null when there is none with this id.")
    async def presentation(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> Presentation | None:
        scope = info.context.scope(tenant)
        try:
            return Presentation.from_stored(await service.presentation(scope, str(id)))
        except NotFound:
            return None

    @strawberry.field(
        description="Presentation links (of one presentation, or all), newest first; tokens are "
        "never shown again. Coordinators and admins."
    )
    async def presentation_links(
        self, info: Info[Context, None], presentation_id: strawberry.ID | None = None, tenant: Tenant = None
    ) -> list[PresentationLink]:
        scope = info.context.scope(tenant)
        found = await service.links(scope, str(presentation_id) if presentation_id else None)
        return [PresentationLink.from_stored(link) for link in found]


@strawberry.type
class PresentationMutation:
    @strawberry.mutation(description="Make a presentation of saved map views, in order.")
    async def create_presentation(
        self, info: Info[Context, None], input: PresentationInput, tenant: Tenant = None
    ) -> SavePresentationResult:
        scope = info.context.scope(tenant)

        async def create() -> Presentation:
            made = await service.create_presentation(scope, input.title, input.step_inputs())
            return Presentation.from_stored(made)

        return await attempt(create())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="Replace a presentation's title and steps: edit, add, remove and reorder steps."
    )
    async def update_presentation(
        self, info: Info[Context, None], id: strawberry.ID, input: PresentationInput, tenant: Tenant = None
    ) -> SavePresentationResult:
        scope = info.context.scope(tenant)

        async def update() -> Presentation:
            changed = await service.update_presentation(scope, str(id), input.title, input.step_inputs())
            return Presentation.from_stored(changed)

        return await attempt(update())  # type: ignore[no-any-return]

    @strawberry.mutation(description="Delete a presentation; its share links stop working.")
    async def delete_presentation(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> DeletePresentationResult:
        scope = info.context.scope(tenant)

        async def delete() -> DeletedPresentation:
            revoked = await service.delete_presentation(scope, str(id))
            return DeletedPresentation(id=id, share_links_revoked=revoked)

        return await attempt(delete())  # type: ignore[no-any-return]

    @strawberry.mutation(description="A read-only share link to a presentation. The token is shown only now.")
    async def create_presentation_link(
        self,
        info: Info[Context, None],
        presentation_id: strawberry.ID,
        expires_in_days: Annotated[
            int | None,
            strawberry.argument(description="Days until the link stops working, 1-3650; null: never."),
        ] = DEFAULT_LINK_DAYS,
        tenant: Tenant = None,
    ) -> CreatePresentationLinkResult:
        ctx = info.context
        scope = ctx.scope(tenant)

        async def create() -> NewPresentationLink:
            made = await service.create_link(scope, str(presentation_id), expires_in_days=expires_in_days)
            base = str(ctx.request.base_url) if ctx.request is not None else "/"
            url = base.rstrip("/") + f"/shared-presentations/{made.token}"
            return NewPresentationLink(
                token=made.token,
                url=url,
                download=f"{url}/download.html",
                link=PresentationLink.from_stored(made.link),
            )

        return await attempt(create())  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="Revoke a presentation link at once: the coordinator who made it, or an admin."
    )
    async def revoke_presentation_link(
        self, info: Info[Context, None], id: strawberry.ID, tenant: Tenant = None
    ) -> RevokePresentationLinkResult:
        scope = info.context.scope(tenant)

        async def revoke() -> PresentationLink:
            return PresentationLink.from_stored(await service.revoke_link(scope, str(id)))

        return await attempt(revoke())  # type: ignore[no-any-return]
