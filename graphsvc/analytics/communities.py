"""Louvain communities of the social graph: who clusters with whom, and who bridges them.

Engines
-------
All three run the Louvain method (Blondel et al. 2008) with an explicit seed:

* ``"networkx"`` is the reference the product names: python-louvain's
  ``community.best_partition`` (import name ``community``) at resolution 1, and NetworkX's
  ``louvain_communities`` at any other resolution, because python-louvain's ``resolution``
  parameter does not give reliable results away from 1.
* ``"igraph"`` is igraph's C implementation (``community_multilevel``), about fifty times
  faster (python-louvain needs 1.5 s for a municipality's social graph, igraph 0.07 s), with
  the same resolution parameter. igraph draws from one process-wide random generator; it is
  replaced by a seeded one under a lock for the call, so results are reproducible.
* ``"auto"`` picks igraph when it is installed.

The engines find partitions of similar modularity, not the same partition: Louvain's result
depends on the order nodes are visited in, which each implementation draws differently.
"""

from __future__ import annotations

import random
import threading
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

import community as community_louvain  # python-louvain's import name
import networkx as nx

from .engines import Engine, as_igraph, igraph, resolve_engine
from .projection import ACTOR_KINDS_STR, social_graph

__all__ = ["Community", "CommunityBridge", "CommunityResult", "detect_communities", "louvain"]

_IGRAPH_RNG = threading.Lock()
_NO_WEIGHT = "graphsvc-unweighted"


def louvain(
    H: nx.Graph, *, seed: int = 0, resolution: float = 1.0, engine: Engine = "auto"
) -> tuple[list[frozenset[Hashable]], float, str]:
    """Louvain communities of the undirected ``H`` (edge weights ignored).

    Returns
    -------
    communities : list of frozenset
        Largest first, ties broken by their smallest node.
    modularity : float
        Newman's modularity of the partition at ``resolution``.
    engine : str
        ``"igraph"``, ``"python-louvain"`` or ``"networkx"``: what ran.

    References
    ----------
    Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of
    communities in large networks. *J. Stat. Mech.* P10008.
    """
    if H.number_of_edges() == 0:
        return [frozenset([n]) for n in H], 0.0, "none"
    if resolve_engine(engine) == "igraph":
        ix = as_igraph(H)
        with _IGRAPH_RNG:
            igraph().set_random_number_generator(random.Random(seed))
            try:
                clustering = ix.graph.community_multilevel(resolution=resolution)
            finally:
                igraph().set_random_number_generator(random)
        groups: dict[int, set[Hashable]] = defaultdict(set)
        for node, label in zip(ix.nodes, clustering.membership, strict=True):
            groups[label].add(node)
        found = [frozenset(g) for g in groups.values()]
        q = ix.graph.modularity(clustering.membership, resolution=resolution)
        used = "igraph"
    elif resolution == 1.0:
        # python-louvain cannot take weight=None (it passes the key on as a keyword); an
        # attribute no edge has counts every tie as 1.
        partition = community_louvain.best_partition(H, weight=_NO_WEIGHT, random_state=seed)
        groups = defaultdict(set)
        for node, label in partition.items():
            groups[label].add(node)
        found = [frozenset(g) for g in groups.values()]
        q = nx.community.modularity(H, found, weight=None, resolution=resolution)
        used = "python-louvain"
    else:
        found = [
            frozenset(c)
            for c in nx.community.louvain_communities(H, weight=None, resolution=resolution, seed=seed)
        ]
        q = nx.community.modularity(H, found, weight=None, resolution=resolution)
        used = "networkx"
    found.sort(key=lambda c: (-len(c), min(str(n) for n in c)))
    return found, float(q), used


@dataclass(frozen=True)
class CommunityBridge:
    """Ties from one community to another, and the actors that carry most of them."""

    other: int
    ties: int
    actors: tuple[str, ...]


@dataclass(frozen=True)
class Community:
    """One community and its make-up.

    Attributes
    ----------
    index : int
        1 for the largest.
    label : str
        "around <name>", the actor with the most ties inside the community.
    size, actors, young_people : int
        Nodes in all, actors, young people.
    sectors, arenas : dict[str, int]
        Actors per sector and per arena (an actor counts in each of its arenas).
    internal_ties, external_ties : int
        Ties inside the community and ties leaving it.
    bridges : tuple[CommunityBridge, ...]
        The communities it has most ties to, most first.
    nodes : tuple[str, ...]
        Its node ids, sorted.
    """

    index: int
    label: str
    size: int
    actors: int
    young_people: int
    sectors: dict[str, int] = field(hash=False)
    arenas: dict[str, int] = field(hash=False)
    internal_ties: int
    external_ties: int
    bridges: tuple[CommunityBridge, ...]
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class CommunityResult:
    """Communities of a tenant's social graph, largest first."""

    communities: tuple[Community, ...]
    modularity: float
    seed: int
    resolution: float
    engine: str
    include_young_people: bool


def detect_communities(
    G: nx.DiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    include_young_people: bool = True,
    top_bridges: int = 5,
    engine: Engine = "auto",
) -> CommunityResult:
    """Louvain communities of the projection's social graph, with each community's sector and
    arena mix and its bridges to the others (see :func:`louvain` for the engines).

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`.
    seed : int
        The random seed of the Louvain method.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    include_young_people : bool
        Cluster actors together with the young people tied to them (default), or actors only.
    top_bridges : int
        How many neighbouring communities to describe per community.
    """
    H = social_graph(G, young_people=include_young_people)
    groups, q, used = louvain(H, seed=seed, resolution=resolution, engine=engine)
    where = {n: i for i, group in enumerate(groups, start=1) for n in group}
    nodes = G.nodes
    internal: Counter[int] = Counter()
    between: dict[int, Counter[int]] = defaultdict(Counter)
    carriers: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)  # actor ids
    inside_degree: Counter[Hashable] = Counter()
    for u, v in H.edges():
        cu, cv = where[u], where[v]
        if cu == cv:
            internal[cu] += 1
            inside_degree[u] += 1
            inside_degree[v] += 1
            continue
        between[cu][cv] += 1
        between[cv][cu] += 1
        for a, ca, cb in ((u, cu, cv), (v, cv, cu)):
            if nodes[a]["kind"] in ACTOR_KINDS_STR:
                carriers[ca, cb][str(a)] += 1
    result = []
    for i, group in enumerate(groups, start=1):
        actors = sorted(str(n) for n in group if nodes[n]["kind"] in ACTOR_KINDS_STR)
        # max() keeps the first of equals, and actors are sorted: a stable label.
        hub = max(actors, key=lambda a: inside_degree[a], default=None)
        arenas: Counter[str] = Counter()
        for a in actors:
            arenas.update(nodes[a]["arenas"])
        bridges = tuple(
            CommunityBridge(other=j, ties=n, actors=tuple(a for a, _ in carriers[i, j].most_common(3)))
            for j, n in sorted(between[i].items(), key=lambda p: (-p[1], p[0]))[:top_bridges]
        )
        result.append(
            Community(
                index=i,
                label=f"around {nodes[hub]['name']}" if hub else "young people only",
                size=len(group),
                actors=len(actors),
                young_people=len(group) - len(actors),
                sectors=dict(Counter(nodes[a]["sector"] for a in actors).most_common()),
                arenas=dict(arenas.most_common()),
                internal_ties=internal[i],
                external_ties=sum(between[i].values()),
                bridges=bridges,
                nodes=tuple(sorted(str(n) for n in group)),
            )
        )
    return CommunityResult(
        communities=tuple(result),
        modularity=q,
        seed=seed,
        resolution=resolution,
        engine=used,
        include_young_people=include_young_people,
    )
