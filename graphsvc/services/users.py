"""Users and their tokens, for admins of a tenant: who may use the API and the pages, with which
role. The store's side (hashes only, audit entries in the same transaction) is
:mod:`graphsvc.auth.users`; every function here needs an admin."""

from __future__ import annotations

from graphsvc.auth import Role, invitations, users
from graphsvc.auth.invitations import AccessRevoked
from graphsvc.auth.users import InvitationInfo, IssuedToken, User
from graphsvc.services.scope import Scope

__all__ = [
    "AccessRevoked",
    "InvitationInfo",
    "IssuedToken",
    "User",
    "add_user",
    "issue_token",
    "list_users",
    "remove_user",
    "revoke_access",
    "revoke_tokens",
    "set_role",
]


async def list_users(scope: Scope) -> list[User]:
    scope.require(Role.ADMIN)
    return await users.list_users(scope.store, scope.tenant)


async def add_user(
    scope: Scope,
    name: str,
    role: str | Role,
    *,
    label: str = "first token",
    expires_in_days: int | None = None,
) -> IssuedToken:
    scope.require(Role.ADMIN)
    return await users.add_user(
        scope.store, scope.tenant, name, role, label=label, expires_in_days=expires_in_days
    )


async def issue_token(
    scope: Scope,
    name: str,
    *,
    label: str = "token",
    expires_in_days: int | None = None,
    replace_label: bool = False,
) -> IssuedToken:
    scope.require(Role.ADMIN)
    return await users.issue_token(
        scope.store,
        scope.tenant,
        name,
        label=label,
        expires_in_days=expires_in_days,
        replace_label=replace_label,
    )


async def revoke_tokens(scope: Scope, *, name: str | None = None, token: str | None = None) -> int:
    scope.require(Role.ADMIN)
    return await users.revoke_tokens(scope.store, scope.tenant, name=name, token=token)


async def set_role(scope: Scope, name: str, role: str | Role) -> None:
    scope.require(Role.ADMIN)
    await users.set_role(scope.store, scope.tenant, name, role)


async def remove_user(scope: Scope, name: str) -> None:
    scope.require(Role.ADMIN)
    await users.remove_user(scope.store, scope.tenant, name)


async def revoke_access(scope: Scope, name: str) -> AccessRevoked:
    """Take a user's access away: every token and unused sign-in link (the user stays listed)."""
    scope.require(Role.ADMIN)
    return await invitations.revoke_access(scope.store, scope.tenant, name)
