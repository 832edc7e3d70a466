"""One-time sign-in links (see :mod:`graphsvc.auth.invitations`): admins make them; anyone
holding one may use it once, which needs no scope — the link itself says who it signs in."""

from __future__ import annotations

from graphsvc.auth import Role, invitations
from graphsvc.auth.invitations import DEFAULT_DAYS, MAX_DAYS, InvitationRefused, NewInvitation, Welcome
from graphsvc.db.driver import GraphStore
from graphsvc.services.scope import Scope

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "InvitationRefused",
    "NewInvitation",
    "Welcome",
    "invite_user",
    "new_sign_in_link",
    "use_invitation",
]


async def invite_user(
    scope: Scope, name: str, role: str | Role, *, days: int = DEFAULT_DAYS
) -> NewInvitation:
    """A new user of the caller's tenant and their one-time sign-in link."""
    caller = scope.require(Role.ADMIN)
    return await invitations.invite_user(
        scope.store, scope.tenant, name, role, created_by=caller.name, days=days
    )


async def new_sign_in_link(scope: Scope, name: str, *, days: int = DEFAULT_DAYS) -> NewInvitation:
    """Another sign-in link for an existing user; an unused earlier one stops working."""
    caller = scope.require(Role.ADMIN)
    return await invitations.new_link(scope.store, scope.tenant, name, created_by=caller.name, days=days)


async def use_invitation(store: GraphStore, token: str) -> Welcome:
    """Sign in with a link: the first use only."""
    return await invitations.use_invitation(store, token)
