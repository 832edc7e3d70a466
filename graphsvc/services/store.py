"""The graph store as the API, the pages and the command line see it: opening it, readying its
schema, telling an outage, and a tenant's data version (what kept answers follow). Everything
else they ask of it goes through a service with a :class:`~graphsvc.services.scope.Scope`."""

from __future__ import annotations

from graphsvc.db import queries
from graphsvc.db.availability import BUSY, OUT_OF_REACH, RETRY_AFTER_S, UNAVAILABLE, unavailability
from graphsvc.db.driver import GraphStore, opened
from graphsvc.db.schema import apply_schema, schema_ready
from graphsvc.db.tenant_state import data_version

__all__ = [
    "BUSY",
    "OUT_OF_REACH",
    "RETRY_AFTER_S",
    "UNAVAILABLE",
    "GraphStore",
    "apply_schema",
    "data_version",
    "opened",
    "preload_queries",
    "schema_ready",
    "unavailability",
]


def preload_queries() -> int:
    """Read and check every Cypher file once, at start-up (a broken one stops the start)."""
    return queries.preload()
