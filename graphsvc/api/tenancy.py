"""Which tenant a REST request is for: the ``tenant`` query parameter or the
``X-Graphsvc-Tenant`` header may name it, and only the caller's own is allowed (the rule of
:func:`graphsvc.tenants.requested_tenant`, which GraphQL's ``tenant`` argument follows too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Query

from graphsvc.tenants import TENANT_HEADER, requested_tenant

__all__ = ["TenantHeader", "TenantQuery", "requested_tenant"]

TenantQuery = Annotated[str | None, Query(description="The tenant (the caller's own).")]
TenantHeader = Annotated[str | None, Header(alias=TENANT_HEADER, include_in_schema=False)]
