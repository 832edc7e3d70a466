"""Shortest-path kernels behind the analytics, with NetworkX as the reference and igraph as
the fast path.

NetworkX's Brandes runs at about 3.5 M edge visits per second; igraph's C code at about
110 M. At municipality scale that is the difference between seconds and a tenth of one (see
``bench/analytics_bench.py``). Every kernel here takes an undirected NetworkX graph,
computes the same quantity with either engine, and returns it keyed by node, so callers and
tests never see which one ran. ``engine="auto"`` picks igraph when it is installed.

Both engines share one quirk, handled here and nowhere else: for an *undirected* graph,
``nx.betweenness_centrality_subset`` and igraph's ``betweenness(sources=..., targets=...)``
halve the sum of pair dependencies, because the undirected normalisation assumes every pair is
visited from both ends, which is only true when the sources are the targets. On the path
school – X – leisure both report 0.5 for X. :func:`pair_dependencies` doubles it back to the
plain sum over ordered (source, target) pairs.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Hashable, Iterable, Sequence
from types import ModuleType
from typing import Any, Literal

import networkx as nx
import numpy as np

from .projection import cached, paused_gc

# igraph is imported when a kernel first needs it: importing it takes about 0.3 s, which
# every command line call and every start of the API would otherwise pay.
_IGRAPH_INSTALLED = importlib.util.find_spec("igraph") is not None


@functools.cache
def igraph() -> ModuleType:
    """The igraph module (imported on first use); only call it when igraph_available()."""
    import igraph as ig

    return ig


__all__ = [
    "Engine",
    "IndexedIgraph",
    "as_igraph",
    "betweenness",
    "distance_matrix",
    "distances_from",
    "igraph",
    "igraph_available",
    "pair_dependencies",
    "resolve_engine",
]

Engine = Literal["auto", "igraph", "networkx"]


def igraph_available() -> bool:
    return _IGRAPH_INSTALLED


def resolve_engine(engine: Engine) -> Literal["igraph", "networkx"]:
    """The engine that will run: ``"auto"`` means igraph when it is installed."""
    if engine == "auto":
        return "igraph" if _IGRAPH_INSTALLED else "networkx"
    if engine == "igraph" and not _IGRAPH_INSTALLED:
        raise RuntimeError("the igraph engine was asked for but igraph is not installed")
    if engine not in ("igraph", "networkx"):
        raise ValueError(f"unknown engine {engine!r}: use 'auto', 'igraph' or 'networkx'")
    return engine


class IndexedIgraph:
    """An undirected igraph copy of a NetworkX graph and the node <-> index maps."""

    def __init__(self, H: nx.Graph) -> None:
        self.nodes: list[Hashable] = list(H)
        self.index: dict[Hashable, int] = {n: i for i, n in enumerate(self.nodes)}
        index = self.index
        with paused_gc():
            # A plain list of pairs: igraph builds faster from it than from a numpy array.
            # Read from the adjacency dicts, in the order of ``H.edges()`` (each edge from its
            # end that comes first), without the view's bookkeeping per edge.
            edges = [
                (i, j)
                for i, neighbours in enumerate(H._adj.values())
                for j in map(index.__getitem__, neighbours)
                if j >= i
            ]
            self.graph = igraph().Graph(n=len(self.nodes), edges=edges, directed=False)

    def ids(self, nodes: Iterable[Hashable]) -> list[int]:
        return [self.index[n] for n in nodes]


def as_igraph(H: nx.Graph) -> IndexedIgraph:
    """The igraph copy of the undirected ``H`` (built once, cached on ``H``)."""
    if H.is_directed():
        raise ValueError("the shortest-path kernels expect an undirected graph")
    return cached(H, "igraph", lambda: IndexedIgraph(H))


def pair_dependencies(
    H: nx.Graph, sources: Sequence[Hashable], targets: Sequence[Hashable], *, engine: Engine = "auto"
) -> dict[Hashable, float]:
    """For every node ``v``: the sum over ordered pairs ``(s, t)``, ``s`` in ``sources``, ``t``
    in ``targets``, ``s != t``, of the share of shortest ``s``–``t`` paths through ``v``
    (``v`` strictly inside the path). Brandes (2008) subset betweenness, unnormalised.

    Undirected graphs only; the halving both engines apply is undone (module docstring).
    """
    if H.is_directed():
        raise ValueError("pair_dependencies expects an undirected graph")
    if not sources or not targets:
        return dict.fromkeys(H, 0.0)
    if resolve_engine(engine) == "networkx":
        halved = nx.betweenness_centrality_subset(H, sources, targets, normalized=False)
        return {v: 2.0 * b for v, b in halved.items()}
    ix = as_igraph(H)
    halved_list = ix.graph.betweenness(sources=ix.ids(sources), targets=ix.ids(targets), directed=False)
    return {v: 2.0 * b for v, b in zip(ix.nodes, halved_list, strict=True)}


def betweenness(
    H: nx.Graph, *, sources: Sequence[Hashable] | None = None, engine: Engine = "auto"
) -> dict[Hashable, float]:
    """Normalised betweenness centrality (Freeman 1977; Brandes 2001) of every node.

    With ``sources`` (a sample of nodes), the sum over those sources is scaled by
    ``n / len(sources)``: the estimator of Brandes & Pich (2007), which is what
    ``nx.betweenness_centrality(k=...)`` computes for its own sample.
    """
    n = H.number_of_nodes()
    if n < 3:
        return dict.fromkeys(H, 0.0)
    # Ordered pairs not involving v: the normalisation NetworkX uses.
    pairs = (n - 1) * (n - 2)
    kind = resolve_engine(engine)
    if sources is None:
        if kind == "networkx":
            return nx.betweenness_centrality(H, normalized=True)  # type: ignore[no-any-return]
        ix = as_igraph(H)
        # igraph counts each unordered pair once.
        raw = ix.graph.betweenness(directed=False)
        return {v: 2.0 * b / pairs for v, b in zip(ix.nodes, raw, strict=True)}
    everyone = list(H)
    sums = pair_dependencies(H, list(sources), everyone, engine=kind)
    scale = n / len(sources) / pairs
    return {v: s * scale for v, s in sums.items()}


def distance_matrix(
    H: nx.Graph, sources: Sequence[Hashable], targets: Sequence[Hashable], *, engine: Engine = "auto"
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Hop distances, ``len(sources) x len(targets)``, ``inf`` where unreachable."""
    if not sources or not targets:
        return np.zeros((len(sources), len(targets)))
    if resolve_engine(engine) == "networkx":
        out = np.full((len(sources), len(targets)), np.inf)
        for i, s in enumerate(sources):
            lengths = nx.single_source_shortest_path_length(H, s)
            out[i] = [lengths.get(t, np.inf) for t in targets]
        return out
    ix = as_igraph(H)
    # igraph refuses repeated targets (an actor can be both a source and a target): ask for
    # each once and spread the columns back.
    unique = list(dict.fromkeys(targets))
    rows = ix.graph.distances(source=ix.ids(sources), target=ix.ids(unique))
    out = np.array(rows, dtype=float).reshape(len(sources), len(unique))
    if len(unique) == len(targets):
        return out
    column = {t: i for i, t in enumerate(unique)}
    return out[:, [column[t] for t in targets]]


def distances_from(
    H: nx.Graph, source: Hashable, targets: Sequence[Hashable], *, engine: Engine = "auto"
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Hop distances from one node to each of ``targets`` (``inf`` where unreachable)."""
    return distance_matrix(H, [source], targets, engine=engine)[0]
