"""One async Neo4j driver per process, and the translation of driver errors into ours."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graphsvc.config import Settings
from graphsvc.db import queries
from graphsvc.domain import TieType
from graphsvc.errors import Duplicate, GraphStoreUnavailable, TooLargeForOneWrite

__all__ = ["GraphStore", "translate_errors"]

T = TypeVar("T")


@contextlib.contextmanager
def translate_errors(uri: str) -> Any:
    """Driver exceptions → graphsvc errors with a sentence a user can act on."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, OSError) as e:
        raise GraphStoreUnavailable(
            f"Neo4j is not reachable at {uri}: start it with `graphsvc db start`, "
            f"or point NEO4J_URI at a running server"
        ) from e
    except AuthError as e:
        raise GraphStoreUnavailable(
            f"Neo4j at {uri} refused the login: check NEO4J_USER and NEO4J_PASSWORD"
        ) from e
    except ConstraintError as e:
        raise Duplicate("a node with this id already exists in this tenant") from e
    except Neo4jError as e:
        if e.code == _OUT_OF_TRANSACTION_MEMORY:
            raise TooLargeForOneWrite(
                "the change is too large for one transaction of this Neo4j (its "
                "dbms.memory.transaction.total.max was reached); nothing was written"
            ) from e
        raise


_OUT_OF_TRANSACTION_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


class GraphStore:
    """The database as graphsvc uses it: reads routed to readers, writes in managed
    transactions (retried by the driver on transient errors), errors translated."""

    def __init__(self, driver: AsyncDriver, *, database: str, uri: str) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        # Transactions run so far: lets tests show a request costs a fixed number of them.
        self.transactions = 0
        # Set when a transaction found Neo4j out of reach. Until it answers again, every call
        # first tries one connection (milliseconds when refused) instead of going through the
        # driver's retries (about 15 s), so callers hear at once that it is away.
        self.unreachable = False

    @classmethod
    def connect(cls, settings: Settings) -> GraphStore:
        driver = AsyncGraphDatabase.driver(
            settings.bolt_uri,
            auth=settings.auth,
            connection_acquisition_timeout=10.0,
            connection_timeout=5.0,
            max_transaction_retry_time=10.0,
            # "constraint already exists" and similar notes would flood the log at start-up.
            notifications_min_severity="WARNING",
            # "property key does not exist": optional properties (revoked_at, expires_at) that
            # no node has yet. Expected in a young database, and one warning per request.
            notifications_disabled_classifications=["UNRECOGNIZED"],
        )
        return cls(driver, database=settings.neo4j_database, uri=settings.bolt_uri)

    async def close(self) -> None:
        await self.driver.close()

    async def _probe(self, timeout: float = 3.0) -> None:
        """One connection attempt, no retries; GraphStoreUnavailable saying why it failed."""
        try:
            with translate_errors(self.uri):  # a timeout is an OSError: "not reachable"
                await asyncio.wait_for(self.driver.verify_connectivity(), timeout)
        except (DriverError, Neo4jError) as e:  # anything else the driver says: no usable Neo4j
            raise GraphStoreUnavailable(f"Neo4j at {self.uri} cannot be used: {e}") from e

    async def reachable(self, timeout: float = 3.0) -> bool:
        """True when a connection to Neo4j can be made now (one try, no retries)."""
        try:
            await self._probe(timeout)
        except GraphStoreUnavailable:
            self.unreachable = True
            return False
        self.unreachable = False
        return True

    @contextlib.asynccontextmanager
    async def _attempt(self) -> AsyncIterator[None]:
        if self.unreachable:
            await self._probe()  # still away: say so at once, with the reason
            self.unreachable = False
        try:
            with translate_errors(self.uri):
                yield
        except GraphStoreUnavailable:
            self.unreachable = True
            raise

    async def query(
        self, name: str, *, write: bool = False, tie_type: TieType | None = None, **parameters: Any
    ) -> list[neo4j.Record]:
        """Run one named query in its own transaction and return all records."""
        self.transactions += 1
        async with self._attempt():
            records, _, _ = await self.driver.execute_query(
                queries.load(name, tie_type=tie_type),
                parameters,
                database_=self.database,
                routing_=RoutingControl.WRITE if write else RoutingControl.READ,
            )
        return records

    async def read(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        self.transactions += 1
        async with self._attempt(), self.driver.session(database=self.database) as session:
            return await session.execute_read(work)

    async def write(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run ``work`` in one write transaction: all of it commits, or none of it."""
        self.transactions += 1
        async with self._attempt(), self.driver.session(database=self.database) as session:
            return await session.execute_write(work)

    async def ping(self) -> bool:
        """True when Neo4j answers a query now."""
        try:
            await self.query("stats/server_components")
        except (GraphStoreUnavailable, DriverError, Neo4jError):
            return False
        return True


async def run(
    tx: AsyncManagedTransaction, name: str, *, tie_type: TieType | None = None, **parameters: Any
) -> list[neo4j.Record]:
    """One named query inside a transaction."""
    result = await tx.run(queries.text(name, tie_type=tie_type), parameters)  # type: ignore[arg-type]
    return [record async for record in result]


@contextlib.asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[GraphStore]:
    """A connected store, closed afterwards (for the CLI and scripts)."""
    store = GraphStore.connect(settings)
    try:
        yield store
    finally:
        await store.close()
