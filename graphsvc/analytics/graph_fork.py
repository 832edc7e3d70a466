"""A changed copy of a projection, made in milliseconds, for a what-if.

Copying a municipality's projection with ``G.copy()`` takes most of a second, and its views
(:func:`~graphsvc.analytics.projection.social_graph` and the others) would then be built
again; a what-if must answer within a second and a ranking runs twenty of them. So the fork
is **copy-on-write**: it starts with new outer dicts that point at the original's per-node
dicts, and copies a node's own dict only before changing it. The views the original has
built are forked the same way and kept in step with the changes. Nothing of the original is
ever written to.

The fork is the graph :func:`~graphsvc.analytics.projection.network_to_graph` would make of
the changed network — the removed actors and ties left out, the new ties appended after the
others — down to the order of every node's neighbours in the views (which some algorithms,
Louvain among them, depend on); a test compares the two.

>>> from graphsvc.analytics.projection import network_to_graph, social_graph
>>> from graphsvc.domain import Actor, Kind, Network, Sector
>>> a, b = (Actor(kind=Kind.ASSOCIATION, id=i, tenant="t", name=i, sector=Sector.CIVIL_SOCIETY)
...         for i in "ab")
>>> G = network_to_graph(Network(tenant="t", nodes=(a, b)))
>>> H = social_graph(G)
>>> G2 = forked(G, ties_added=[("a", "b", "COLLABORATES_WITH", None)])
>>> list(social_graph(G2).edges()), list(H.edges())
([('a', 'b')], [])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from .projection import VIEWS, cache_entries, store_cached

__all__ = ["forked"]

NewTie = tuple[str, str, str, str | None]  # source, target, tie type, participation role
_KEPT = ("area_children",)  # cached lookups no actor change can alter


def forked(
    G: nx.DiGraph,
    *,
    actors_removed: Iterable[str] = (),
    pairs_removed: Iterable[tuple[str, str]] = (),
    ties_added: Iterable[NewTie] = (),
) -> nx.DiGraph:
    """A copy of the projection ``G`` with ``actors_removed`` gone (with their ties), every
    tie between each of ``pairs_removed`` gone, and ``ties_added`` appended, in that order.
    ``G`` and its views are left as they are."""
    removed = list(dict.fromkeys(actors_removed))
    pairs = list(pairs_removed)
    added = list(ties_added)
    F = _Fork(G, directed=True)
    for node in removed:
        F.remove_node(node)
    for a, b in pairs:
        F.remove_edge(a, b)
        F.remove_edge(b, a)
    for source, target, tie, role in added:
        F.add_edge(source, target, _tie_data(F.graph, source, target, tie, role))
    G2 = F.graph
    views = cache_entries(G)
    for key in _KEPT:
        if key in views:
            store_cached(G2, key, views[key])
    for key, (kinds, ties) in VIEWS.items():
        if key in views:
            store_cached(G2, key, _fork_view(views[key], G2, kinds, ties, removed, pairs, added))
    if "directed_actors" in views:
        store_cached(G2, "directed_actors", _fork_directed(views["directed_actors"], removed, pairs, added))
    return G2


def _tie_data(G: nx.DiGraph, source: str, target: str, tie: str, role: str | None) -> dict[str, Any]:
    old = G._succ[source].get(target)
    if old is not None:  # another type on the same pair: as network_to_graph merges them
        return {**old, "types": old["types"] | {tie}, "role": old["role"] or role}
    return {"types": frozenset({tie}), "strength": None, "since": None, "frequency": None, "role": role}


class _Fork:
    """Copy-on-write outer dicts of a NetworkX graph (``_node``, ``_adj``/``_succ``,
    ``_pred``); :meth:`own` copies a node's inner dict before it changes."""

    def __init__(self, G: nx.Graph, *, directed: bool) -> None:
        self.graph = G.__class__()
        self.graph.graph = {k: v for k, v in G.graph.items() if k != "graphsvc_views"}
        self.graph._node = dict(G._node)
        self.graph._adj = dict(G._adj)
        if directed:
            self.graph._succ = self.graph._adj
            self.graph._pred = dict(G._pred)
        self.directed = directed
        self.owned_succ: set[str] = set()
        self.owned_pred: set[str] = set()

    def succ(self, node: str) -> dict[str, Any]:
        adj = self.graph._adj
        if node not in self.owned_succ:
            adj[node] = dict(adj[node])
            self.owned_succ.add(node)
        return adj[node]  # type: ignore[no-any-return]

    def pred(self, node: str) -> dict[str, Any]:
        if not self.directed:
            return self.succ(node)
        pred = self.graph._pred
        if node not in self.owned_pred:
            pred[node] = dict(pred[node])
            self.owned_pred.add(node)
        return pred[node]  # type: ignore[no-any-return]

    def remove_node(self, node: str) -> None:
        g = self.graph
        if node not in g._node:
            return
        for other in list(g._adj[node]):
            if other != node:
                del self.pred(other)[node]
        if self.directed:
            for other in list(g._pred[node]):
                if other != node:
                    del self.succ(other)[node]
            del g._pred[node]
        del g._adj[node]
        del g._node[node]

    def remove_edge(self, a: str, b: str) -> None:
        if b in self.graph._adj.get(a, {}):
            del self.succ(a)[b]
            if a != b or self.directed:
                del self.pred(b)[a]

    def add_edge(self, a: str, b: str, data: dict[str, Any]) -> None:
        self.succ(a)[b] = data
        self.pred(b)[a] = data


def _fork_view(
    H: nx.Graph,
    G2: nx.DiGraph,
    kinds: frozenset[str],
    ties: frozenset[str],
    removed: list[str],
    pairs: list[tuple[str, str]],
    added: list[NewTie],
) -> nx.Graph:
    """The undirected view ``H`` of the original, changed as ``G2`` was (module docstring)."""
    F = _Fork(H, directed=False)
    for node in removed:
        F.remove_node(node)
    for a, b in pairs:
        F.remove_edge(a, b)
    touched: set[str] = set()
    for source, target, tie, _ in added:
        if tie in ties and source in F.graph._node and target in F.graph._node:
            if target not in F.graph._adj[source]:
                F.add_edge(source, target, {})
            touched.update((source, target))
    if touched:
        _reorder(F, G2, ties, touched)
    return F.graph


def _reorder(F: _Fork, G2: nx.DiGraph, ties: frozenset[str], touched: set[str]) -> None:
    """Give each touched node's neighbours the order a view built from ``G2`` would: that in
    which ``projection._view`` meets the ties, node by node in the projection's order and
    each node's successors in theirs."""
    position = {n: i for i, n in enumerate(F.graph._node)}
    succ = G2._succ

    def met(x: str, y: str) -> tuple[int, int] | None:
        data = succ[x].get(y)
        if data is None or data["types"].isdisjoint(ties):
            return None
        return position[x], list(succ[x]).index(y)

    for node in touched:
        neighbours = F.succ(node)
        order = {w: min(k for k in (met(node, w), met(w, node)) if k is not None) for w in neighbours}
        F.graph._adj[node] = {w: neighbours[w] for w in sorted(neighbours, key=order.__getitem__)}


def _fork_directed(
    D: nx.DiGraph, removed: list[str], pairs: list[tuple[str, str]], added: list[NewTie]
) -> nx.DiGraph:
    """The directed actor view for brokerage roles, changed alike (a collaboration counts
    both ways; neighbour order does not matter to role counts)."""
    F = _Fork(D, directed=True)
    for node in removed:
        F.remove_node(node)
    for a, b in pairs:
        F.remove_edge(a, b)
        F.remove_edge(b, a)
    for source, target, tie, _ in added:
        if source in F.graph._node and target in F.graph._node:
            F.add_edge(source, target, {})
            if tie == "COLLABORATES_WITH":
                F.add_edge(target, source, {})
    return F.graph
