"""The version of a tenant's data: a token replaced inside every transaction that changes the
tenant, so anything derived from the data (the analytics projection) can tell with one cheap
read whether it is still current, in this process or any other (the API and the command line
are separate processes sharing one database).

Every write in ``graphsvc.db`` calls :func:`bump_version` in its own transaction: the change and
the new version commit together, or neither does.
"""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graphsvc.db.driver import GraphStore, run

__all__ = ["bump_version", "data_version"]


async def bump_version(tx: AsyncManagedTransaction, tenant: str) -> None:
    """Give ``tenant`` a new data version, inside the write transaction ``tx``."""
    if not await run(tx, "tenants/set_version", tenant=tenant):  # the tenant's first write
        await run(tx, "tenants/bump_version", tenant=tenant)


async def data_version(store: GraphStore, tenant: str) -> str | None:
    """The current data version of ``tenant``; ``None`` if graphsvc has never written to it."""
    records = await store.query("tenants/version", tenant=tenant)
    return records[0]["version"] if records else None
