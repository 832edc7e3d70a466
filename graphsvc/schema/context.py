"""What every resolver gets: the settings, the caller, and the scope of its tenant (the
only way into the services)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from strawberry.fastapi import BaseContext

from graphsvc import audit
from graphsvc.auth import Principal, Role
from graphsvc.auth.request import authenticate_request
from graphsvc.config import Settings
from graphsvc.schema.loaders import Loaders
from graphsvc.services.scope import Scope, open_scope
from graphsvc.services.store import GraphStore
from graphsvc.tenants import TENANT_HEADER, resolve_tenant

__all__ = ["TENANT_HEADER", "Context", "resolve_tenant"]


@dataclass
class Context(BaseContext):
    store: GraphStore
    settings: Settings
    principal: Principal
    header_tenant: str | None
    loaders: Loaders

    def scope(self, tenant: str | None = None) -> Scope:
        """The caller's scope for the tenant a field names (its ``tenant`` argument, else the
        header): naming any tenant but the caller's own is refused."""
        return open_scope(self.store, self.principal, tenant, self.header_tenant)

    def require(self, role: Role) -> Principal:
        return self.principal.require(role)


# GraphiQL's page itself (a GET with no query) runs nothing, so it needs no sign-in: the
# queries it then sends carry the session cookie or a token like any other request.
_IDE_PAGE = Principal(name="GraphiQL page", role=Role.VIEWER, tenant="", view_id="")


async def get_context(request: Request) -> Context:
    if request.method == "GET" and "query" not in request.query_params:
        principal = _IDE_PAGE
    else:
        principal = await authenticate_request(request)
    audit.set_actor(f"{principal.name} ({principal.role.value})")
    return Context(
        store=request.app.state.store,
        settings=request.app.state.settings,
        principal=principal,
        header_tenant=request.headers.get(TENANT_HEADER),
        loaders=Loaders(open_scope(request.app.state.store, principal)),
    )
