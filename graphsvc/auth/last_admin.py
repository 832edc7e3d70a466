"""A tenant never loses its last admin by accident.

A change of role, a revocation or a removal that would leave a tenant without an admin who can
sign in is refused, in the transaction that makes it: otherwise no one could manage users any
more through the pages or the API. (A tenant that had no such admin before — one whose admins
sign in through the identity provider — is not held by the rule.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from neo4j import AsyncManagedTransaction

from graphsvc.db.driver import run
from graphsvc.errors import InvalidInput

__all__ = ["keeping_an_admin"]

T = TypeVar("T")


async def _admins_with_access(tx: AsyncManagedTransaction, tenant: str) -> int:
    records = await run(tx, "auth/admins_with_access", tenant=tenant)
    return int(records[0]["admins"]) if records else 0


async def keeping_an_admin(
    tx: AsyncManagedTransaction, tenant: str, what: str, change: Callable[[], Awaitable[T]]
) -> T:
    """Make ``change`` inside ``tx``; refuse it (the transaction is rolled back) when it took
    away the tenant's last admin who can sign in. ``what`` names the change in the refusal."""
    before = await _admins_with_access(tx, tenant)  # also locks the admins: see the query
    result = await change()
    if before and not await _admins_with_access(tx, tenant):
        raise InvalidInput(
            f"{what} would leave tenant {tenant!r} without an admin who can sign in: "
            "make another user admin first, so that someone can still manage access"
        )
    return result
