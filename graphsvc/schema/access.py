"""Admin fields for letting people in and out: invite a person with a one-time sign-in link,
make a new link for a user, take a user's access away."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.schema.users import UserRole
from graphsvc.services import invitations, users

__all__ = ["AccessMutation", "sign_in_url"]

Name = Annotated[str, strawberry.argument(description="The user's name.")]
Tenant = Annotated[str | None, strawberry.argument(description="The tenant.")]
Days = Annotated[
    int,
    strawberry.argument(
        description=f"Days until an unused link stops working, 1-{invitations.MAX_DAYS} "
        f"({invitations.DEFAULT_DAYS})."
    ),
]


@strawberry.type(
    description="A one-time sign-in link. Hand `url` to the person now: only a hash of its "
    "token is stored, so it cannot be shown again. Its first use signs them in; later uses "
    "are refused."
)
class NewSignInLink:
    user: str = strawberry.field(description="Whom it signs in.")
    role: UserRole = strawberry.field(description="With which role.")  # type: ignore[valid-type]
    url: str = strawberry.field(description="The link (absolute URL), to paste into an e-mail.")
    expires_at: datetime = strawberry.field(description="When it stops working if unused.")


@strawberry.type(description="A user's access was taken away; the user stays listed with their role.")
class AccessRevoked:
    name: str = strawberry.field(description="The user.")
    tokens_revoked: int = strawberry.field(description="Their tokens that stopped working.")
    links_revoked: int = strawberry.field(description="Their unused sign-in links that stopped working.")


SignInLinkResult = Annotated[
    NewSignInLink | InvalidInputError | DuplicateError | NotFoundError,
    strawberry.union("SignInLinkResult", description="The link, or why none was made."),
]
RevokeAccessResult = Annotated[
    AccessRevoked | InvalidInputError | NotFoundError,
    strawberry.union("RevokeAccessResult", description="What was revoked, or why nothing was."),
]


def sign_in_url(ctx: Context, token: str) -> str:
    """The link's address on this server. The token travels in the fragment, which browsers
    never send to a server, so it stays out of every log on the way."""
    base = str(ctx.request.base_url) if ctx.request is not None else "/"
    return base.rstrip("/") + f"/invitation#token={token}"


def _link(ctx: Context, made: invitations.NewInvitation) -> NewSignInLink:
    return NewSignInLink(
        user=made.user, role=made.role, url=sign_in_url(ctx, made.token), expires_at=made.expires_at
    )


@strawberry.type
class AccessMutation:
    @strawberry.mutation(
        description="Admins: add a person as a user with a role, and get a one-time sign-in "
        "link to hand them instead of a token."
    )
    async def invite_user(
        self,
        info: Info[Context, None],
        name: Name,
        role: UserRole,  # type: ignore[valid-type]
        expires_in_days: Days = invitations.DEFAULT_DAYS,
        tenant: Tenant = None,
    ) -> SignInLinkResult:
        ctx = info.context

        async def invite() -> NewSignInLink:
            made = await invitations.invite_user(ctx.scope(tenant), name, role, days=expires_in_days)
            return _link(ctx, made)

        return await attempt(invite())

    @strawberry.mutation(
        description="Admins: a new one-time sign-in link for an existing user (theirs expired, "
        "or they lost their key); an unused earlier link stops working."
    )
    async def new_sign_in_link(
        self,
        info: Info[Context, None],
        name: Name,
        expires_in_days: Days = invitations.DEFAULT_DAYS,
        tenant: Tenant = None,
    ) -> SignInLinkResult:
        ctx = info.context

        async def make() -> NewSignInLink:
            return _link(
                ctx, await invitations.new_sign_in_link(ctx.scope(tenant), name, days=expires_in_days)
            )

        return await attempt(make())

    @strawberry.mutation(
        description="Admins: take a user's access away at once — every token and unused "
        "sign-in link stops working. The user stays listed and can be given a new link. "
        "Refused when it would leave the tenant without an admin who can sign in."
    )
    async def revoke_access(
        self, info: Info[Context, None], name: Name, tenant: Tenant = None
    ) -> RevokeAccessResult:
        ctx = info.context

        async def revoke() -> AccessRevoked:
            done = await users.revoke_access(ctx.scope(tenant), name)
            return AccessRevoked(name=done.user, tokens_revoked=done.tokens, links_revoked=done.links)

        return await attempt(revoke())
