"""Admin fields for the users of a tenant and their tokens (tokens are shown once)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.auth import Role
from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.services import users

__all__ = ["UserMutation", "UserQuery", "UserRole"]

UserRole = strawberry.enum(Role, name="UserRole", description="What a user may do.")
Name = Annotated[str, strawberry.argument(description="The user's name.")]
Tenant = Annotated[str | None, strawberry.argument(description="The tenant.")]
Days = Annotated[
    int | None,
    strawberry.argument(description="The token stops working after this many days (default: never)."),
]


@strawberry.type(description="A live token of a user (its secret is never shown again).")
class TokenInfo:
    token_id: str = strawberry.field(description="The token's public id, to revoke it.")
    label: str | None = strawberry.field(description="What it is for.")
    created_at: datetime | None = strawberry.field(description="When it was made.")
    expires_at: datetime | None = strawberry.field(description="When it stops working.")
    last_used_at: datetime | None = strawberry.field(
        default=None, description="When it was last used (noted at most once a minute)."
    )


@strawberry.enum(description="Whether a user can sign in now.")
class UserAccess(Enum):
    ACTIVE = "active"
    INVITED = "invited"
    NONE = "none"


@strawberry.enum(description="Where a user's latest sign-in link stands.")
class SignInLinkStatus(Enum):
    WAITING = "waiting"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"


@strawberry.type(description="A user's latest one-time sign-in link (never its token).")
class SignInLinkInfo:
    status: SignInLinkStatus = strawberry.field(description="Waiting to be used, used, expired or revoked.")
    created_at: datetime | None = strawberry.field(description="When it was made.")
    expires_at: datetime | None = strawberry.field(description="When it stops working unused.")
    used_at: datetime | None = strawberry.field(description="When it was used; null: not yet.")

    @classmethod
    def from_domain(cls, found: users.InvitationInfo) -> SignInLinkInfo:
        if found.used_at is not None:
            status = SignInLinkStatus.USED
        elif found.revoked_at is not None:
            status = SignInLinkStatus.REVOKED
        elif found.expires_at is not None and found.expires_at <= datetime.now(UTC):
            status = SignInLinkStatus.EXPIRED
        else:
            status = SignInLinkStatus.WAITING
        return cls(
            status=status, created_at=found.created_at, expires_at=found.expires_at, used_at=found.used_at
        )


@strawberry.type(description="A user of the tenant.")
class User:
    name: str = strawberry.field(description="The user's name.")
    role: UserRole = strawberry.field(description="Their role.")  # type: ignore[valid-type]
    created_at: datetime | None = strawberry.field(description="When they were added.")
    tokens: list[TokenInfo] = strawberry.field(description="Their live tokens.")
    last_used_at: datetime | None = strawberry.field(
        description="When they last used graphsvc (noted at most once a minute); null: never, "
        "or before graphsvc noted it."
    )
    access: UserAccess = strawberry.field(
        description="ACTIVE: holds a live token; INVITED: only a sign-in link waiting to be used; "
        "NONE: cannot sign in (revoked, or the link expired)."
    )
    sign_in_link: SignInLinkInfo | None = strawberry.field(
        description="Their latest one-time sign-in link; null: none was made."
    )

    @classmethod
    def from_domain(cls, u: users.User) -> User:
        link = SignInLinkInfo.from_domain(u.invitation) if u.invitation else None
        access = (
            UserAccess.ACTIVE
            if u.tokens
            else UserAccess.INVITED
            if link is not None and link.status is SignInLinkStatus.WAITING
            else UserAccess.NONE
        )
        return cls(
            name=u.name,
            role=u.role,
            created_at=u.created_at,
            tokens=[
                TokenInfo(
                    token_id=t.token_id,
                    label=t.label,
                    created_at=t.created_at,
                    expires_at=t.expires_at,
                    last_used_at=t.last_used_at,
                )
                for t in u.tokens
            ],
            last_used_at=u.last_used_at,
            access=access,
            sign_in_link=link,
        )


@strawberry.type(description="A new token: give `secret` to its owner now; it is not stored.")
class IssuedToken:
    user: str = strawberry.field(description="Whose token it is.")
    secret: str = strawberry.field(description="The token itself, shown only this once.")
    token_id: str = strawberry.field(description="Its public id.")
    expires_at: datetime | None = strawberry.field(description="When it stops working.")


@strawberry.type(description="Tokens were revoked.")
class Revoked:
    count: int = strawberry.field(description="How many.")


@strawberry.type(description="A user's role or membership was changed.")
class UserChanged:
    name: str = strawberry.field(description="The user.")


TokenResult = Annotated[
    IssuedToken | InvalidInputError | DuplicateError | NotFoundError,
    strawberry.union("TokenResult", description="The token, or why not."),
]
RevokeResult = Annotated[
    Revoked | InvalidInputError | NotFoundError,
    strawberry.union("RevokeResult", description="What was revoked, or why not."),
]
UserResult = Annotated[
    UserChanged | InvalidInputError | NotFoundError,
    strawberry.union("UserResult", description="The change, or why not."),
]


def _issued(t: users.IssuedToken) -> IssuedToken:
    return IssuedToken(user=t.user, secret=t.secret, token_id=t.token_id, expires_at=t.expires_at)


@strawberry.type
class UserQuery:
    @strawberry.field(description="Admins: the users of the tenant with their live tokens.")
    async def users(self, info: Info[Context, None], tenant: Tenant = None) -> list[User]:
        ctx = info.context
        return [User.from_domain(u) for u in await users.list_users(ctx.scope(tenant))]


@strawberry.type
class UserMutation:
    @strawberry.mutation(description="Admins: add a user with a role; returns their first token.")
    async def add_user(
        self,
        info: Info[Context, None],
        name: Name,
        role: UserRole,  # type: ignore[valid-type]
        expires_in_days: Days = None,
        tenant: Tenant = None,
    ) -> TokenResult:
        ctx = info.context

        async def add() -> IssuedToken:
            return _issued(
                await users.add_user(ctx.scope(tenant), name, role, expires_in_days=expires_in_days)
            )

        return await attempt(add())

    @strawberry.mutation(description="Admins: another token for a user.")
    async def issue_token(
        self,
        info: Info[Context, None],
        name: Name,
        expires_in_days: Days = None,
        label: Annotated[str, strawberry.argument(description="What the token is for.")] = "token",
        tenant: Tenant = None,
    ) -> TokenResult:
        ctx = info.context

        async def issue() -> IssuedToken:
            return _issued(
                await users.issue_token(ctx.scope(tenant), name, label=label, expires_in_days=expires_in_days)
            )

        return await attempt(issue())

    @strawberry.mutation(description="Admins: revoke all of a user's tokens, or one by its id.")
    async def revoke_tokens(
        self,
        info: Info[Context, None],
        name: Annotated[str | None, strawberry.argument(description="Every token of this user.")] = None,
        token_id: Annotated[str | None, strawberry.argument(description="Only this token.")] = None,
        tenant: Tenant = None,
    ) -> RevokeResult:
        ctx = info.context

        async def revoke() -> Revoked:
            return Revoked(count=await users.revoke_tokens(ctx.scope(tenant), name=name, token=token_id))

        return await attempt(revoke())

    @strawberry.mutation(description="Admins: change a user's role.")
    async def set_user_role(
        self,
        info: Info[Context, None],
        name: Name,
        role: UserRole,  # type: ignore[valid-type]
        tenant: Tenant = None,
    ) -> UserResult:
        ctx = info.context

        async def change() -> UserChanged:
            await users.set_role(ctx.scope(tenant), name, role)
            return UserChanged(name=name)

        return await attempt(change())

    @strawberry.mutation(description="Admins: remove a user and all their tokens.")
    async def remove_user(self, info: Info[Context, None], name: Name, tenant: Tenant = None) -> UserResult:
        ctx = info.context

        async def remove() -> UserChanged:
            await users.remove_user(ctx.scope(tenant), name)
            return UserChanged(name=name)

        return await attempt(remove())
