"""The scope of one request or command: the store, the checked tenant and the caller.

It is the only way into the services: every service takes it first, so none can be reached
without knowing who asks and for which tenant. It is built in three places only — the GraphQL
context (:mod:`graphsvc.schema.context`), the FastAPI dependency (:mod:`graphsvc.api.scope`)
and the command line (:mod:`graphsvc.cli.common`) — through :func:`open_scope`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from graphsvc.auth import Principal, Role
from graphsvc.services.audience import Audience
from graphsvc.tenants import requested_tenant

if TYPE_CHECKING:  # a scope only holds the store: the driver loads with the first query
    from graphsvc.db.driver import GraphStore

__all__ = ["COMMAND_LINE", "Scope", "command_line_caller", "open_scope"]

COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Scope:
    store: GraphStore
    tenant: str
    caller: Principal

    @cached_property
    def audience(self) -> Audience:
        return Audience.of(self.caller)

    def require(self, role: Role) -> Principal:
        """Forbidden unless the caller has at least ``role`` (and is no share link)."""
        return self.caller.require(role)


def open_scope(
    store: GraphStore, caller: Principal, argument: str | None = None, header: str | None = None
) -> Scope:
    """The scope of ``caller`` for the tenant a request names (argument, then header): only
    the caller's own tenant is allowed (see :func:`graphsvc.tenants.requested_tenant`)."""
    return Scope(store=store, tenant=requested_tenant(caller, argument, header), caller=caller)


def command_line_caller(tenant: str, role: Role = Role.ADMIN) -> Principal:
    """The person at the command line: an admin of ``tenant`` (the machine is theirs), or a
    lesser role when a command makes something for a lesser audience (a viewer's export)."""
    name = COMMAND_LINE if role is Role.ADMIN else f"{COMMAND_LINE} (for a {role.value})"
    return Principal(name=name, role=role, tenant=tenant)
