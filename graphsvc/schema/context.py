"""What every resolver gets: the store, the settings, the caller and its tenant."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from strawberry.fastapi import BaseContext

from graphsvc import audit
from graphsvc.auth import Principal, Role
from graphsvc.auth.request import authenticate_request
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.schema.loaders import Loaders
from graphsvc.tenants import TENANT_HEADER, requested_tenant, resolve_tenant

__all__ = ["TENANT_HEADER", "Context", "resolve_tenant"]



@dataclass
class Context(BaseContext):
    store: GraphStore
    settings: Settings
    principal: Principal
    header_tenant: str | None
    loaders: Loaders

    def tenant(self, argument: str | None = None) -> str:
        """The caller's tenant; naming any other one (argument or header) is refused."""
        return requested_tenant(self.principal, argument, self.header_tenant)

    def require(self, role: Role) -> Principal:
        return self.principal.require(role)

    @property
    def sees_young_people(self) -> bool:
        return self.principal.sees_young_people


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
        loaders=Loaders(request.app.state.store, hide_young_people=not principal.sees_young_people),
    )
