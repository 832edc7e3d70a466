"""Per-node metrics that users of Kumu, Gephi and PARTNER expect, on the social graph.

* **degree**: number of ties.
* **betweenness**: normalised shortest-path betweenness (Freeman 1977; Brandes 2001), the
  share of shortest paths between other nodes that run through the node, as
  ``nx.betweenness_centrality(normalized=True)``. Exact betweenness is all-pairs: ~10 min in
  NetworkX and ~13 s in igraph for a municipality. Above ``exact_limit`` nodes it is estimated
  from ``k`` sampled sources (Brandes & Pich 2007) and the result says so, with the bound
  ``eps = n/(n-1) * sqrt(ln(2/0.05) / (2k))``: by Hoeffding's inequality each node's estimate
  is within ``eps`` of the exact value with 95 % confidence (0.085 for k = 256). The bound is
  worst-case; typical errors are far smaller.
* **closeness**: Wasserman & Faust's closeness for graphs in several components, as
  ``nx.closeness_centrality``: ``(r-1)/(n-1) * (r-1)/sum of distances`` over the ``r`` nodes
  the node reaches.
* **eigenvector**: the principal eigenvector of the adjacency matrix, unit length, as
  ``nx.eigenvector_centrality``; ``None`` if the power iteration does not converge.
* **constraint**, **effective size**: Burt (1992) and Borgatti (1997), see
  :mod:`~graphsvc.analytics.structural_holes`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from . import closeness_split
from .engines import Engine, as_igraph, betweenness, resolve_engine
from .projection import social_graph
from .structural_holes import structural_holes

__all__ = ["Centralities", "MetricsResult", "NodeMetrics", "centralities", "node_metrics"]

Sampling = int | Literal["auto"] | None


@dataclass(frozen=True)
class Centralities:
    """The metrics of one node (module docstring); ``None`` where undefined."""

    degree: int
    betweenness: float
    closeness: float
    eigenvector: float | None
    constraint: float | None
    effective_size: float | None


@dataclass(frozen=True)
class NodeMetrics:
    """One node of a tenant with its metrics."""

    node: str
    name: str
    kind: str
    sector: str | None
    metrics: Centralities


@dataclass(frozen=True)
class MetricsResult:
    """Node metrics, highest betweenness first.

    Attributes
    ----------
    nodes : tuple[NodeMetrics, ...]
        The nodes asked for.
    betweenness_exact : bool
        False when betweenness was estimated from sampled sources.
    betweenness_sources : int
        Sources used (all nodes when exact).
    betweenness_error : float
        The 95 % bound on each estimate's absolute error (0 when exact).
    sentence : str
        How betweenness was computed, in words.
    include_young_people : bool
        Whether the graph held young people.
    engine : str
        ``"igraph"`` or ``"networkx"``.
    """

    nodes: tuple[NodeMetrics, ...]
    betweenness_exact: bool
    betweenness_sources: int
    betweenness_error: float
    sentence: str
    include_young_people: bool
    engine: str


def _sources(H: nx.Graph, k: Sampling, seed: int, exact_limit: int) -> list[Hashable] | None:
    n = H.number_of_nodes()
    if k == "auto":
        k = None if n <= exact_limit else 256
    if k is None or k >= n:
        return None
    # Sampled from a sorted list so that the same seed picks the same sources whatever
    # order the graph was built in.
    return random.Random(seed).sample(sorted(H, key=str), k)


def _error_bound(n: int, k: int) -> float:
    return n / (n - 1) * math.sqrt(math.log(2 / 0.05) / (2 * k))


def centralities(
    H: nx.Graph,
    *,
    nodes: Iterable[Hashable] | None = None,
    betweenness_k: Sampling = "auto",
    seed: int = 0,
    exact_limit: int = 5000,
    engine: Engine = "auto",
) -> tuple[dict[Hashable, Centralities], int | None]:
    """The metrics of the module docstring for ``nodes`` (default: all) of the undirected
    ``H``.

    Parameters
    ----------
    betweenness_k : int, "auto" or None
        Sampled sources for betweenness: ``None`` for exact, ``"auto"`` for exact up to
        ``exact_limit`` nodes and 256 sources above.
    seed : int
        Seed for the sample.

    Returns
    -------
    metrics : dict
        Node -> :class:`Centralities`.
    sources : int or None
        Sources sampled for betweenness, ``None`` when exact.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    *Sociometry* 40(1): 35-41.
    Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    Mathematical Sociology* 25(2): 163-177.
    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. *International
    Journal of Bifurcation and Chaos* 17(7): 2303-2318.
    Wasserman, S. & Faust, K. (1994). *Social Network Analysis.* Cambridge UP.

    Examples
    --------
    >>> metrics, _ = centralities(nx.florentine_families_graph(), engine="networkx")
    >>> round(metrics["Medici"].betweenness, 3)
    0.522
    """
    kind = resolve_engine(engine)
    wanted = list(H) if nodes is None else list(nodes)
    sample = _sources(H, betweenness_k, seed, exact_limit)
    between = betweenness(H, sources=sample, engine=kind)
    closeness = _closeness(H, wanted, kind)
    eigen = _eigenvector(H, kind)
    holes = structural_holes(H, nodes=wanted)
    result = {
        v: Centralities(
            degree=H.degree(v),
            betweenness=between[v],
            closeness=closeness[v],
            eigenvector=eigen.get(v),
            constraint=holes[v].constraint,
            effective_size=holes[v].effective_size,
        )
        for v in wanted
    }
    return result, None if sample is None else len(sample)


def _closeness(H: nx.Graph, wanted: list[Hashable], engine: str) -> dict[Hashable, float]:
    n = H.number_of_nodes()
    if engine == "networkx" or n < 2:
        if len(wanted) == n:
            return nx.closeness_centrality(H)  # type: ignore[no-any-return]
        return {v: nx.closeness_centrality(H, u=v) for v in wanted}
    ix = as_igraph(H)
    ids = ix.ids(wanted)
    # igraph normalises by the nodes reached only; the Wasserman-Faust factor (r-1)/(n-1)
    # makes it NetworkX's closeness for graphs in several components.
    # One breadth-first search per node asked for: on a region, shared with a second process.
    values = closeness_split.closeness(ix.graph, ids)
    components = ix.graph.connected_components()
    sizes = components.sizes()
    membership = components.membership
    out = {}
    for v, i, c in zip(wanted, ids, values, strict=True):
        reached = sizes[membership[i]]
        out[v] = 0.0 if reached < 2 or c != c else c * (reached - 1) / (n - 1)
    return out


def _eigenvector(H: nx.Graph, engine: str) -> dict[Hashable, float]:
    if H.number_of_edges() == 0:
        return {}
    if engine == "networkx":
        # Power iteration on A + I, which also settles on bipartite graphs (young people
        # are tied only to actors), where plain power iteration on A oscillates.
        try:
            return nx.eigenvector_centrality(H, max_iter=1000, tol=1e-8)  # type: ignore[no-any-return]
        except nx.PowerIterationFailedConvergence:
            return {}
    # On a graph in several components NetworkX's iteration ends on the component with the
    # largest eigenvalue, every other node decaying to zero; igraph would scale each
    # component apart. So: igraph per component, keep the one with the largest eigenvalue.
    ix = as_igraph(H)
    best: tuple[float, list[int], list[float]] = (-1.0, [], [])
    for members in ix.graph.connected_components():
        if len(members) < 2:
            continue
        part = ix.graph.induced_subgraph(members)
        values, eigenvalue = part.eigenvector_centrality(return_eigenvalue=True)
        if eigenvalue > best[0]:
            best = (eigenvalue, members, values)
    _, members, values = best
    norm = math.sqrt(sum(x * x for x in values)) or 1.0
    out = dict.fromkeys(H, 0.0)
    for i, x in zip(members, values, strict=True):
        out[ix.nodes[i]] = x / norm
    return out


def node_metrics(
    G: nx.DiGraph,
    *,
    kind: str | None = None,
    sector: str | None = None,
    include_young_people: bool = True,
    betweenness_k: Sampling = "auto",
    seed: int = 0,
    exact_limit: int = 5000,
    engine: Engine = "auto",
) -> MetricsResult:
    """Metrics for the nodes of the projection's social graph, optionally only those of one
    ``kind`` (e.g. ``"Association"``) or ``sector``. The metrics are always computed on the
    whole social graph; the restriction only chooses which nodes are reported.

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`.
    include_young_people : bool
        Whether the graph holds young people (default) or actors only.
    betweenness_k, seed, exact_limit, engine
        See :func:`centralities`.
    """
    H = social_graph(G, young_people=include_young_people)
    nodes = G.nodes
    wanted = [
        v
        for v in H
        if (kind is None or nodes[v]["kind"] == kind) and (sector is None or nodes[v]["sector"] == sector)
    ]
    metrics, sampled = centralities(
        H, nodes=wanted, betweenness_k=betweenness_k, seed=seed, exact_limit=exact_limit, engine=engine
    )
    rows = sorted(
        (
            NodeMetrics(
                node=v,
                name=nodes[v]["name"],
                kind=nodes[v]["kind"],
                sector=nodes[v]["sector"],
                metrics=metrics[v],
            )
            for v in wanted
        ),
        key=lambda r: (-r.metrics.betweenness, -r.metrics.degree, r.name, r.node),
    )
    n = H.number_of_nodes()
    if sampled is None:
        error, text = 0.0, f"betweenness is exact over all {n} nodes"
    else:
        error = _error_bound(n, sampled)
        text = (
            f"betweenness is estimated from {sampled} of {n} nodes as sources (seed "
            f"{seed}); each value is within ±{error:.3f} of the exact one with 95% "
            "confidence"
        )
    return MetricsResult(
        nodes=tuple(rows),
        betweenness_exact=sampled is None,
        betweenness_sources=n if sampled is None else sampled,
        betweenness_error=error,
        sentence=text,
        include_young_people=include_young_people,
        engine=resolve_engine(engine),
    )
