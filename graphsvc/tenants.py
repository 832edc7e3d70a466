"""Tenant names: one municipality's (or initiative's) data, kept apart from every other's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphsvc.errors import InvalidInput, InvalidRequest

if TYPE_CHECKING:
    from graphsvc.auth import Principal

__all__ = ["TENANT_HEADER", "requested_tenant", "resolve_tenant"]

TENANT_HEADER = "X-Graphsvc-Tenant"
_TENANT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


def resolve_tenant(value: str) -> str:
    """``value`` if it is a well-formed tenant name, else InvalidInput."""
    if not _TENANT.fullmatch(value):
        raise InvalidInput(f"{value[:70]!r} is not a tenant name: use lower-case letters, digits, - and _")
    return value


def requested_tenant(caller: Principal, argument: str | None, header: str | None) -> str:
    """The tenant a request is for, as GraphQL's ``tenant`` argument and REST's ``tenant``
    parameter (or, failing those, the header) name it: only the caller's own is allowed
    (Forbidden), and a malformed name is a fault of the request itself (InvalidRequest), never
    a typed error of the operation it carries."""
    asked = argument or header
    if asked is not None:
        try:
            resolve_tenant(asked)
        except InvalidInput as e:
            raise InvalidRequest(str(e)) from None
    return caller.require_tenant(asked)
