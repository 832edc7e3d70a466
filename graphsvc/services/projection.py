"""The analytics projection of a tenant, read from Neo4j in bulk and kept until its data change.

:func:`projection` gives the tenant's graph as :func:`~graphsvc.analytics.network_to_graph`
would build it (same nodes, attributes and edges; see ``graphsvc.analytics.projection``), but
built straight from the plain rows of :class:`~graphsvc.db.projection.ProjectionRepository`
rather than through domain objects: about eight times faster for a municipality (see
``bench/analytics_service_bench.py``).

Caching
-------
Each store keeps the projections of its last few tenants, each with the data version it was
read at (see ``graphsvc.db.tenant_state``). Before a projection is reused, the tenant's current
version is read (one small query); when another request, the command line or any other process
has written to the tenant since, the version differs and the tenant is read again. Results of
analytics jobs are kept with their projection (:func:`memoised`), so they are dropped with it.

A store (and its driver) belongs to one event loop, so the cache and its locks hang on the
store; a job asked for twice at once runs once. Building graphs and running jobs happens in
worker threads, off the event loop.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from graphsvc.analytics import network_to_graph
from graphsvc.analytics.projection import node_attributes, paused_gc
from graphsvc.db.driver import GraphStore
from graphsvc.db.projection import NODE_COLUMNS, ProjectionRepository, ProjectionRows
from graphsvc.db.tenant_state import data_version
from graphsvc.domain import PROJECTION_COLUMNS, Network, TieType
from graphsvc.services.scope import Scope

__all__ = [
    "CACHED_RESULTS",
    "CACHED_TENANTS",
    "Projection",
    "ProjectionCache",
    "cache_for",
    "graph_from_rows",
    "memoised",
    "projection",
]

T = TypeVar("T")

# A municipality's projection with its views and results takes about 100 MB.
CACHED_TENANTS = 4
CACHED_RESULTS = 32  # job results kept per projection

_LOCATED_IN = TieType.LOCATED_IN.value
_TIES = NODE_COLUMNS.index("ties")


@dataclass
class Projection:
    """A tenant's graph at one data version, and the job results computed on it."""

    tenant: str
    version: str | None
    graph: nx.DiGraph
    results: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)
    # Jobs under way, so that the same question asked twice at once is computed once.
    running: dict[Hashable, asyncio.Future[Any]] = field(default_factory=dict)


class ProjectionCache:
    """The projections of one store's most recently used tenants."""

    def __init__(self, *, tenants: int = CACHED_TENANTS) -> None:
        self.size = tenants
        self.entries: OrderedDict[str, Projection] = OrderedDict()
        self.locks: dict[str, asyncio.Lock] = {}
        self.reads = 0  # projections read from the database (tests and benchmarks look)

    def clear(self) -> None:
        self.entries.clear()

    async def get(self, store: GraphStore, tenant: str) -> Projection:
        # The common case, a current projection, takes one cheap read and waits for no one.
        current = self._current(tenant, await data_version(store, tenant))
        if current is not None:
            return current
        lock = self.locks.setdefault(tenant, asyncio.Lock())
        # One read per tenant at a time: requests arriving meanwhile wait and share it.
        async with lock:
            version = await data_version(store, tenant)
            cached = self._current(tenant, version)
            if cached is not None:
                return cached
            rows = await ProjectionRepository(store).read(tenant)
            self.reads += 1
            graph = await asyncio.to_thread(graph_from_rows, rows)
            fresh = Projection(tenant=tenant, version=rows.version, graph=graph)
            if rows.consistent:
                self.entries[tenant] = fresh
                self.entries.move_to_end(tenant)
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
            else:
                self.entries.pop(tenant, None)
            return fresh

    def _current(self, tenant: str, version: str | None) -> Projection | None:
        cached = self.entries.get(tenant)
        if cached is None or cached.version != version:
            return None
        self.entries.move_to_end(tenant)
        return cached


_CACHES: weakref.WeakKeyDictionary[GraphStore, ProjectionCache] = weakref.WeakKeyDictionary()


def cache_for(store: GraphStore) -> ProjectionCache:
    """The projection cache of ``store``."""
    cache = _CACHES.get(store)
    if cache is None:
        cache = _CACHES[store] = ProjectionCache()
    return cache


async def projection(scope: Scope) -> Projection:
    """The current projection of the scope's tenant: cached, or read now if its data changed.
    It holds everything, young people and contact persons too: the jobs that read it decide
    what their results show to the scope's audience."""
    return await cache_for(scope.store).get(scope.store, scope.tenant)


async def memoised(p: Projection, key: Hashable, compute: Callable[[nx.DiGraph], T]) -> T:
    """``compute(p.graph)`` in a worker thread, or its result for the same ``key`` on this
    projection, computed earlier or under way. Results are frozen, so sharing them is safe;
    a failure is not kept."""
    if key in p.results:
        p.results.move_to_end(key)
        return p.results[key]  # type: ignore[no-any-return]
    job = p.running.get(key)
    if job is None:
        job = asyncio.ensure_future(asyncio.to_thread(compute, p.graph))
        p.running[key] = job
        # Runs before any waiter resumes: the result is kept even if they all went away.
        job.add_done_callback(lambda done: _finish(p, key, done))
    # Shielded: one request giving up must not cancel the job the others wait for.
    return await asyncio.shield(job)  # type: ignore[no-any-return]


def _finish(p: Projection, key: Hashable, job: asyncio.Future[Any]) -> None:
    p.running.pop(key, None)
    if not job.cancelled() and job.exception() is None:
        p.results[key] = job.result()
        while len(p.results) > CACHED_RESULTS:
            p.results.popitem(last=False)


def graph_from_rows(rows: ProjectionRows) -> nx.DiGraph:
    """The projection of ``network_to_graph`` built from plain rows (module docstring).

    Nodes come in id order. Attributes follow ``graphsvc.analytics.projection`` exactly; a
    test compares the two on the demo municipality.

    NetworkX's own dicts are filled directly, in the order ``add_nodes_from`` and
    ``add_edges_from`` would fill them: those check and copy every node and edge again, which
    costs seconds at a region's million ties (``bench/region_bench.py``).
    """
    # An empty projection carries the marks the analytics views check for.
    G = network_to_graph(Network(tenant=rows.tenant))
    node_data, succ, pred = G._node, G._succ, G._pred
    one_type = _ONE_TYPE
    out_ties = []
    with paused_gc():
        for row in rows.nodes:
            node_id, ties = row[0], row[_TIES]
            attrs = node_attributes(dict(zip(PROJECTION_COLUMNS, row, strict=False)))
            # A node's ties all come in its own row, so pairs are merged row by row.
            edges: dict[str, dict[str, Any]] = {}
            for tie_type, target, strength, since, frequency, role in ties:
                if tie_type == _LOCATED_IN:
                    attrs["area"] = target
                    continue
                data = edges.get(target)
                if data is None:
                    types = one_type.get(tie_type) or frozenset((tie_type,))
                    edges[target] = {
                        "types": types,
                        "strength": strength,
                        "since": since,
                        "frequency": frequency,
                        "role": role,
                    }
                else:
                    _merge_tie(data, tie_type, strength, since, frequency, role)
            node_data[node_id] = attrs
            succ[node_id] = {}
            pred[node_id] = {}
            out_ties.append((node_id, edges))
        for node_id, edges in out_ties:
            mine = succ[node_id]
            for target, data in edges.items():
                # A read that was not consistent may hold a tie to a node created after its
                # page was read: left out, as no job expects a node without attributes.
                theirs = pred.get(target)
                if theirs is not None:
                    mine[target] = data
                    theirs[node_id] = data
    return G


# The ``types`` of an edge with one tie type: one frozenset per type, shared (it is immutable).
_ONE_TYPE = {t.value: frozenset((t.value,)) for t in TieType}


def _merge_tie(
    data: dict[str, Any],
    tie_type: str,
    strength: int | None,
    since: int | None,
    frequency: str | None,
    role: str | None,
) -> None:
    """Two tie types on one pair: as network_to_graph, keep the strongest and the earliest."""
    data["types"] = data["types"] | {tie_type}
    if strength is not None:
        data["strength"] = max(strength, data["strength"] or 0)
    if since is not None:
        data["since"] = min(since, data["since"] or since)
    data["frequency"] = data["frequency"] or frequency
    data["role"] = data["role"] or role
