"""The audit log as admins read it: who changed what when, newest first. Writing it happens in
the same transaction as each change (:mod:`graphsvc.audit`)."""

from __future__ import annotations

from datetime import datetime

from graphsvc import audit
from graphsvc.audit import AuditEntry
from graphsvc.auth import Role
from graphsvc.services.scope import Scope

__all__ = ["MAX_ENTRIES", "AuditEntry", "entries"]

MAX_ENTRIES = 1000


async def entries(
    scope: Scope, *, subject: str | None = None, before_at: datetime | None = None, limit: int = 50
) -> list[AuditEntry]:
    """The tenant's entries, optionally about one node (or its ties) and before a time."""
    scope.require(Role.ADMIN)
    return await audit.entries(
        scope.store, scope.tenant, subject=subject, before_at=before_at, limit=max(1, min(limit, MAX_ENTRIES))
    )
