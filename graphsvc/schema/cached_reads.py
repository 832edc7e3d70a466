"""Answers to repeated reads of a tenant's network, kept until the tenant's data change.

Thirty partners opening the same shared page, or a dashboard polling, ask the same questions
again and again; the answer only changes when the tenant's data do. A query whose every root
field reads the network (nodes, ties, their analytics) is answered from this worker's cache
when the same caller audience asked the same thing at the tenant's current data version.

The key holds everything the answer depends on: the tenant, its data version (one cheap read
from Neo4j per request, so a write through any worker or replica is seen by the next read
everywhere), the caller's role and share-link view (what :class:`~graphsvc.services.audience
.Audience` decides from), the tenant header, and the request's text, variables and operation.
Only answers without errors are kept. The same question asked while its answer is being
worked out waits for that answer (thirty phones opening one page at once cost one answer).

Reads are not audited (the audit log records changes), so an answer from the cache skips
nothing the privacy policy asks for. Fields outside the network — users, the audit log, saved
views, surveys, weaving tasks, snapshots — are never kept.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Hashable
from typing import Any

from cachetools import LRUCache
from graphql import ExecutionResult, FieldNode, OperationDefinitionNode, OperationType
from strawberry.extensions import SchemaExtension

from graphsvc.errors import GraphStoreUnavailable
from graphsvc.services.store import data_version

__all__ = ["NETWORK_READS", "CachedReads", "ReadCache"]

# Root fields whose answers follow only from the tenant's nodes and ties (every write to those
# gives the tenant a new data version: graphsvc.db.tenant_state).
NETWORK_READS = frozenset(
    {
        "__typename",
        "actorCounts",
        "nodeCounts",
        "tieRules",
        "node",
        "actor",
        "youngPerson",
        "contactPerson",
        "area",
        "targetGroup",
        "initiative",
        "actors",
        "youngPeople",
        "contactPersons",
        "areas",
        "targetGroups",
        "initiatives",
        "neighbourhood",
        "nodeMetrics",
        "brokers",
        "gapReport",
        "recommendations",
        "communities",
    }
)


class ReadCache:
    """A worker's kept answers, at most ``max_bytes`` of them (their JSON size), least
    recently used dropped first."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._answers: LRUCache[Hashable, tuple[int, Any]] = LRUCache(
            maxsize=max(max_bytes, 1), getsizeof=lambda entry: entry[0]
        )
        # Answers being worked out: the same question asked again meanwhile waits for the
        # first one's answer instead of doing the same work again.
        self.under_way: dict[Hashable, asyncio.Future[Any]] = {}

    def get(self, key: Hashable) -> Any | None:
        entry = self._answers.get(key)
        return None if entry is None else entry[1]

    def put(self, key: Hashable, data: Any) -> None:
        size = len(json.dumps(data, separators=(",", ":"), default=str))
        if size <= self.max_bytes:
            self._answers[key] = (size, data)


def _reads_only_the_network(operation: OperationDefinitionNode) -> bool:
    if operation.operation is not OperationType.QUERY:
        return False
    selections = operation.selection_set.selections
    # A fragment spread or inline fragment at the root is rare; not worth looking into.
    return all(isinstance(s, FieldNode) and s.name.value in NETWORK_READS for s in selections)


def _operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name is not None and o.name.value == name), None)


class CachedReads(SchemaExtension):
    """Answer a network read from ``cache`` when it can; keep a fresh answer for next time."""

    def __init__(self, cache: ReadCache) -> None:
        self.cache = cache

    def _key(self, tenant_version: str) -> Hashable:
        ec = self.execution_context
        principal = ec.context.principal
        variables = json.dumps(ec.variables or {}, sort_keys=True, default=str)
        return (
            principal.tenant,
            tenant_version,
            principal.role.value,
            principal.view_id,
            ec.context.header_tenant,
            ec.query,
            variables,
            ec.operation_name,
        )

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        ec = self.execution_context
        document = ec.graphql_document
        operation = _operation(document, ec.operation_name) if document is not None else None
        if self.cache.max_bytes == 0 or operation is None or not _reads_only_the_network(operation):
            yield
            return
        context = ec.context
        try:
            version = await data_version(context.store, context.principal.tenant)
        except GraphStoreUnavailable:  # the fields themselves then say so, as they always do
            version = None
        if version is None:  # a tenant graphsvc never wrote to has nothing worth keeping
            yield
            return
        key = self._key(version)
        kept = self.cache.get(key)
        if kept is None and key in self.cache.under_way:
            # None when that one failed: then this one tries for itself.
            kept = await asyncio.shield(self.cache.under_way[key])
        if kept is not None:
            ec.result = ExecutionResult(data=kept, errors=None)
            yield
            return
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.cache.under_way.setdefault(key, answer)
        data = None
        try:
            yield
            result = ec.result
            if isinstance(result, ExecutionResult) and not result.errors and result.data:
                data = result.data
                self.cache.put(key, data)
        finally:
            if self.cache.under_way.get(key) is answer:
                del self.cache.under_way[key]
            answer.set_result(data)
