"""Whether a failure means Neo4j could not be reached, and the plain sentence to answer it with.

A request that fails this way is not the caller's fault and not a bug: the API answers
503 Service Unavailable with :data:`UNAVAILABLE` (or :data:`BUSY`), and the same request
succeeds once Neo4j is back — the driver opens new connections by itself.
"""

from __future__ import annotations

from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    DatabaseUnavailable,
    ServiceUnavailable,
    SessionExpired,
)

from graphsvc.errors import GraphStoreUnavailable

__all__ = ["BUSY", "OUT_OF_REACH", "RETRY_AFTER_S", "UNAVAILABLE", "unavailability"]

UNAVAILABLE = "Neo4j, the database behind graphsvc, is unavailable right now; try again in a moment."
BUSY = "graphsvc is too busy to reach Neo4j right now; try again in a moment."
RETRY_AFTER_S = 5

_UNREACHABLE = (GraphStoreUnavailable, ServiceUnavailable, SessionExpired, DatabaseUnavailable)
# Everything that means "out of reach", for exception handlers.
OUT_OF_REACH: tuple[type[Exception], ...] = (*_UNREACHABLE, ConnectionAcquisitionTimeoutError)


def unavailability(error: BaseException | None) -> str | None:
    """The sentence for a failure caused, anywhere down its chain, by Neo4j being out of reach
    (or by no connection to it coming free in time); ``None`` for any other failure."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ConnectionAcquisitionTimeoutError):
            return BUSY
        if isinstance(error, _UNREACHABLE):
            return UNAVAILABLE
        error = error.__cause__ or error.__context__
    return None
