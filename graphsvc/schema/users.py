"""Admin fields for the users of a tenant and their tokens (tokens are shown once)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.auth import Role
from graphsvc.schema.context import Context
from graphsvc.schema.errors import DuplicateError, InvalidInputError, NotFoundError, attempt
from graphsvc.services import users

__all__ = ["UserMutation", "UserQuery"]

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


@strawberry.type(description="A user of the tenant.")
class User:
    name: str = strawberry.field(description="The user's name.")
    role: UserRole = strawberry.field(description="Their role.")  # type: ignore[valid-type]
    created_at: datetime | None = strawberry.field(description="When they were added.")
    tokens: list[TokenInfo] = strawberry.field(description="Their live tokens.")


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
        found = await users.list_users(ctx.scope(tenant))
        return [
            User(
                name=u.name,
                role=u.role,
                created_at=u.created_at,
                tokens=[
                    TokenInfo(
                        token_id=t.token_id, label=t.label, created_at=t.created_at, expires_at=t.expires_at
                    )
                    for t in u.tokens
                ],
            )
            for u in found
        ]


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
