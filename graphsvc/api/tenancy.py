"""Which tenant a REST request is for: the ``tenant`` query parameter or the
``X-Graphsvc-Tenant`` header may name it, and only the caller's own is allowed (the same rule
as GraphQL's ``tenant`` argument)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Query

from graphsvc.auth import Principal
from graphsvc.tenants import TENANT_HEADER, resolve_tenant

__all__ = ["TenantHeader", "TenantQuery", "requested_tenant"]

TenantQuery = Annotated[str | None, Query(description="The tenant (the caller's own).")]
TenantHeader = Annotated[str | None, Header(alias=TENANT_HEADER, include_in_schema=False)]


def requested_tenant(caller: Principal, tenant: str | None, header: str | None) -> str:
    """The caller's tenant; a malformed name is InvalidInput, another tenant Forbidden."""
    asked = tenant or header
    return caller.require_tenant(resolve_tenant(asked) if asked else None)
