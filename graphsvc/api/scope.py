"""The scope of a REST request: the store, the tenant it names (only the caller's own) and the
caller. Routes take it as the ``RequestScope`` dependency; map routes, which answer every
problem as a page of their own, build it with :func:`scope_of` inside their error handling."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graphsvc.api.access import Caller
from graphsvc.api.tenancy import TenantHeader, TenantQuery
from graphsvc.auth import Principal
from graphsvc.services.scope import Scope, open_scope

__all__ = ["RequestScope", "request_scope", "scope_of"]


def scope_of(
    request: Request, caller: Principal, tenant: str | None = None, header: str | None = None
) -> Scope:
    return open_scope(request.app.state.store, caller, tenant, header)


async def request_scope(
    request: Request, caller: Caller, tenant: TenantQuery = None, header: TenantHeader = None
) -> Scope:
    return scope_of(request, caller, tenant, header)


RequestScope = Annotated[Scope, Depends(request_scope)]
