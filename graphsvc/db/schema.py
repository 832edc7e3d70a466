"""Applying the schema (constraints and indexes) idempotently, and checking it is in place."""

from __future__ import annotations

from graphsvc.db import queries
from graphsvc.db.driver import GraphStore, translate_errors

__all__ = ["apply_schema", "schema_ready"]


async def apply_schema(store: GraphStore) -> int:
    """Create what is missing (every statement says IF NOT EXISTS) and wait until the indexes
    are online, so the first query after start-up already uses them. Returns the statements run."""
    names = ["schema/constraints"]
    count = 0
    with translate_errors(store.uri):
        async with store.driver.session(database=store.database) as session:
            for name in names:
                for statement in queries.statements(name):
                    await session.run(statement)  # type: ignore[arg-type]
                    count += 1
            await session.run("CALL db.awaitIndexes(300)")
    return count


async def schema_ready(store: GraphStore) -> bool:
    records = await store.query("schema/check_applied")
    return {r["name"]: r["state"] for r in records} == {
        "node_tenant_id": "ONLINE",
        "node_names": "ONLINE",
    }
