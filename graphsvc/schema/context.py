"""What every resolver gets: the store and the tenant of the request."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import Request
from strawberry.fastapi import BaseContext

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.errors import InvalidInput
from graphsvc.schema.loaders import Loaders

__all__ = ["TENANT_HEADER", "Context", "resolve_tenant"]

TENANT_HEADER = "X-Graphsvc-Tenant"
_TENANT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


@dataclass
class Context(BaseContext):
    store: GraphStore
    settings: Settings
    header_tenant: str | None
    loaders: Loaders

    def tenant(self, argument: str | None = None) -> str:
        return resolve_tenant(argument or self.header_tenant or self.settings.default_tenant)


def resolve_tenant(value: str) -> str:
    if not _TENANT.fullmatch(value):
        raise InvalidInput(
            f"{value[:70]!r} is not a tenant name: use lower-case letters, digits, - and _"
        )
    return value


async def get_context(request: Request) -> Context:
    return Context(
        store=request.app.state.store,
        settings=request.app.state.settings,
        header_tenant=request.headers.get(TENANT_HEADER),
        loaders=Loaders(request.app.state.store),
    )
