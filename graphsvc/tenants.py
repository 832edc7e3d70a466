"""Tenant names: one municipality's (or initiative's) data, kept apart from every other's."""

from __future__ import annotations

import re

from graphsvc.errors import InvalidInput

__all__ = ["TENANT_HEADER", "resolve_tenant"]

TENANT_HEADER = "X-Graphsvc-Tenant"
_TENANT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


def resolve_tenant(value: str) -> str:
    """``value`` if it is a well-formed tenant name, else InvalidInput."""
    if not _TENANT.fullmatch(value):
        raise InvalidInput(
            f"{value[:70]!r} is not a tenant name: use lower-case letters, digits, - and _"
        )
    return value
