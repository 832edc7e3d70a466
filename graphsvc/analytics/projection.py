"""The in-memory projection every analytics job reads: one tenant's network as a NetworkX graph.

:func:`network_to_graph` turns a :class:`~graphsvc.domain.Network` into an ``nx.DiGraph`` that
holds every node and every tie of the tenant. Jobs never read the domain objects again; they
read node attributes and the derived *views* below.

Representation
--------------
Nodes are keyed by their id and carry plain values (strings, never enums, so results serialise
as they are):

=================  ===========================================================================
attribute          value
=================  ===========================================================================
``kind``           the kind label, e.g. ``"Association"``, ``"YoungPerson"``
``name``           the display name (a pseudonym for young people)
``sector``         actors: their sector; young people: ``"citizens"``; others: ``None``
``arenas``         ``frozenset`` of arena names (empty for non-actors)
``area``           id of the area the node is LOCATED_IN, or ``None``
``category``       actors: the coordinator's own word for it ("Skole"), or ``None``
``age_band``       young people: ``"12-14"`` ... or ``None``; also ``birth_year``, ``challenges``
``role`` ...       persons: ``role``, ``email``, ``phone``
``criteria_*``     target groups: ``frozenset`` of age bands, area ids, challenges
=================  ===========================================================================

Each tie becomes a directed edge ``source -> target`` with ``types`` (a ``frozenset`` of tie
type names: two actors can both collaborate and refer along the same edge) and the tie
properties ``strength`` (the highest given), ``since`` (the earliest), ``frequency`` and
``role``. LOCATED_IN is not an edge: it is the ``area`` attribute, as in the domain model.

Which ties make the social network
----------------------------------
Paths, centrality, brokers and communities run on the **social graph**: the undirected simple
graph of actors and young people joined by the ties that carry contact between them —

* young person -> actor: ATTENDS, MEMBER_OF, WORKS_AT, USES (:data:`YOUTH_TIES`);
* actor -> actor: COLLABORATES_WITH, REFERS_TO, FUNDS (:data:`ACTOR_TIES`).

Areas (PART_OF), target groups (INCLUDED_IN, TARGETS), initiatives (PARTICIPATES_IN, FUNDS to
an initiative) and contact persons (WORKS_FOR, VOLUNTEERS_AT) stay in the projection but out
of the social graph: an initiative joining thirty partners would otherwise make them all two
hops apart, and a shared area is not a relationship. Helpers below read them.

Derived views (:func:`social_graph`, :func:`actor_graph`, :func:`introduction_graph`,
:func:`directed_actor_graph`) are built on first use and cached on the projection, so treat a
projection as read-only: when the tenant's data change, project again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import networkx as nx

from graphsvc.domain import (
    ACTOR_KINDS,
    PROJECTION_COLUMNS,
    AgeBand,
    Arena,
    Challenge,
    Frequency,
    Kind,
    Network,
    ParticipationRole,
    Sector,
    TieType,
)

__all__ = [
    "ACTOR_KINDS_STR",
    "ACTOR_TIES",
    "CONTACT_TIES",
    "SOCIAL_TIES",
    "VIEWS",
    "YOUTH_TIES",
    "actor_graph",
    "cache_entries",
    "cached",
    "directed_actor_graph",
    "introduction_graph",
    "network_to_graph",
    "node_attributes",
    "node_data",
    "paused_gc",
    "social_graph",
    "store_cached",
]

YOUTH_TIES = frozenset(
    {TieType.ATTENDS.value, TieType.MEMBER_OF.value, TieType.WORKS_AT.value, TieType.USES.value}
)
ACTOR_TIES = frozenset({TieType.COLLABORATES_WITH.value, TieType.REFERS_TO.value, TieType.FUNDS.value})
SOCIAL_TIES = YOUTH_TIES | ACTOR_TIES
CONTACT_TIES = frozenset({TieType.WORKS_FOR.value, TieType.VOLUNTEERS_AT.value})
ACTOR_KINDS_STR = frozenset(k.value for k in ACTOR_KINDS)

_YOUNG = Kind.YOUNG_PERSON.value
_PERSON = Kind.PERSON.value
_AREA = Kind.AREA.value
_TARGET_GROUP = Kind.TARGET_GROUP.value
_SOCIAL_KINDS = ACTOR_KINDS_STR | {_YOUNG}
# The undirected views by their cache key: the kinds of node they keep and the ties that join
# them (a forked projection, ``graph_fork``, keeps them in step with its changes).
VIEWS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "social": (_SOCIAL_KINDS, SOCIAL_TIES),
    "actors": (ACTOR_KINDS_STR, ACTOR_TIES),
    "introductions": (ACTOR_KINDS_STR | {_PERSON}, ACTOR_TIES | CONTACT_TIES),
}
_MARK = "graphsvc_projection"
_CACHE = "graphsvc_views"

_CITIZENS = Sector.CITIZENS.value
_EMPTY: frozenset[str] = frozenset()
# Enum member -> its plain value. ``member.value`` is a descriptor call in Python 3.11 and
# costs a third of the projection's time at municipality scale; a dict lookup does not.
_NAMES: dict[Any, str] = {
    member: member.value
    for enum in (Kind, Sector, Arena, AgeBand, Challenge, Frequency, ParticipationRole, TieType)
    for member in enum
}

T = TypeVar("T")


def network_to_graph(network: Network) -> nx.DiGraph:
    """Project a tenant's network into a directed NetworkX graph (see the module docstring).

    Parameters
    ----------
    network : Network
        Every node and tie of one tenant, as the store or the demo generator gives it.

    Returns
    -------
    nx.DiGraph
        Nodes keyed by id with plain attributes; one edge per (source, target) pair with the
        set of tie ``types`` on it. ``G.graph["tenant"]`` names the tenant.

    Notes
    -----
    Built in two bulk calls (``add_nodes_from``, ``add_edges_from``) from plain dicts: about
    0.5 s for a municipality of 13,000 nodes and 60,000 ties on a 2-core machine, about 10 s
    for a region of 160,000 nodes and a million ties (see ``bench/analytics_bench.py``).
    """
    with paused_gc():
        G = nx.DiGraph(tenant=network.tenant)
        G.graph[_MARK] = True
        G.add_nodes_from((node.id, _node_attributes(node)) for node in network.nodes)
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        for tie in network.ties:
            key = (tie.source, tie.target)
            data = edges.get(key)
            if data is None:
                edges[key] = {
                    "types": {_NAMES[tie.type]},
                    "strength": tie.strength,
                    "since": tie.since,
                    "frequency": _NAMES.get(tie.frequency),
                    "role": _NAMES.get(tie.role),
                }
                continue
            # Two tie types on one pair (collaborates and refers): keep the strongest, earliest.
            data["types"].add(_NAMES[tie.type])
            if tie.strength is not None:
                data["strength"] = max(tie.strength, data["strength"] or 0)
            if tie.since is not None:
                data["since"] = min(tie.since, data["since"] or tie.since)
            data["frequency"] = data["frequency"] or _NAMES.get(tie.frequency)
            data["role"] = data["role"] or _NAMES.get(tie.role)
        for data in edges.values():
            data["types"] = frozenset(data["types"])
        # Ties to ids the network lacks would silently create attribute-less nodes.
        unknown = {end for key in edges for end in key if end not in G}
        if unknown:
            raise ValueError(f"ties refer to nodes the network does not hold: {sorted(unknown)[:5]}")
        G.add_edges_from((u, v, d) for (u, v), d in edges.items())
    return G


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while bulk-building a graph.

    The collector runs after every few hundred new containers and then walks the whole heap,
    including the ~60,000 domain objects of the network being read; building 100,000 dicts
    triggers it hundreds of times and doubles the build time, while freeing nothing (graph
    dicts are not cyclic garbage). The collector is switched back on only if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _node_attributes(node: Any) -> dict[str, Any]:
    """The attributes of a domain node: its projection columns as plain values."""
    values: dict[str, Any] = {}
    for column in PROJECTION_COLUMNS:
        value = getattr(node, column, None)
        if isinstance(value, frozenset | set | tuple | list):
            values[column] = [_NAMES.get(v, v) for v in value]
        else:
            values[column] = _NAMES.get(value, value)
    attrs = node_attributes(values)
    attrs["area"] = getattr(node, "area", None)
    return attrs


def node_attributes(values: Mapping[str, Any]) -> dict[str, Any]:
    """A node's attributes in the projection, from its :data:`PROJECTION_COLUMNS` as plain
    values (strings, lists); ``area`` is set from its LOCATED_IN tie by the caller. Each kind
    keeps the columns that mean something for it.

    >>> node_attributes({"kind": "Person", "name": "Mette", "role": "Formand",
    ...                  "email": "m@example.dk", "phone": None})["role"]
    'Formand'
    """
    kind = values["kind"]
    attrs: dict[str, Any] = {
        "kind": kind,
        "name": values["name"],
        "sector": None,
        "arenas": _EMPTY,
        "area": None,
    }
    if kind in ACTOR_KINDS_STR:
        attrs["sector"] = values["sector"]
        attrs["arenas"] = frozenset(values["arenas"] or ())
        attrs["category"] = values["category"]
    elif kind == _YOUNG:
        attrs["sector"] = _CITIZENS
        attrs["age_band"] = values["age_band"]
        attrs["birth_year"] = values["birth_year"]
        attrs["challenges"] = frozenset(values["challenges"] or ())
    elif kind == _PERSON:
        attrs.update(role=values["role"], email=values["email"], phone=values["phone"])
    elif kind == _AREA:
        attrs["area_type"] = values["area_type"]
    elif kind == _TARGET_GROUP:
        for column in ("criteria_age_bands", "criteria_areas", "criteria_challenges"):
            attrs[column] = frozenset(values[column] or ())
    return attrs


# --- cached views ------------------------------------------------------------------------------


def cached(G: nx.Graph, key: Any, build: Callable[[], T]) -> T:
    """``build()`` once per graph and ``key``; reused while the graph's node count is unchanged.

    The count only catches careless mutation (it is O(1); NetworkX counts edges in O(n));
    projections are meant to be read-only.
    """
    store = G.graph.setdefault(_CACHE, {})
    stamp = G.number_of_nodes()
    hit = store.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]  # type: ignore[no-any-return]
    value = build()
    store[key] = (stamp, value)
    return value


def cache_entries(G: nx.Graph) -> dict[Any, Any]:
    """The values :func:`cached` holds for ``G`` that are still valid, by key."""
    stamp = G.number_of_nodes()
    # A copy first: a job in another worker thread may be adding to the cache meanwhile.
    entries = list(G.graph.get(_CACHE, {}).items())
    return {key: hit[1] for key, hit in entries if hit[0] == stamp}


def store_cached(G: nx.Graph, key: Any, value: Any) -> None:
    """Keep ``value`` for ``key`` as :func:`cached` would have built it (for a forked
    projection that derives its views from another's)."""
    G.graph.setdefault(_CACHE, {})[key] = (G.number_of_nodes(), value)


def _require_projection(G: nx.Graph) -> None:
    if not G.graph.get(_MARK):
        raise TypeError("expected a projection made by network_to_graph()")


def node_data(G: nx.Graph) -> dict[Any, dict[str, Any]]:
    """Node id -> attribute dict: NetworkX's own dict, read directly. ``G.nodes[n]`` goes
    through a view object on every lookup, which costs seconds in loops over a region.
    Read-only, like the projection."""
    return G._node  # type: ignore[no-any-return]


def social_graph(G: nx.DiGraph, *, young_people: bool = True) -> nx.Graph:
    """The undirected simple social graph: actors (and young people) and the ties in
    :data:`SOCIAL_TIES`. Isolated actors and young people are kept as nodes.

    With ``young_people=False`` this is :func:`actor_graph`.
    """
    if not young_people:
        return actor_graph(G)
    _require_projection(G)
    return cached(G, "social", lambda: _view(G, *VIEWS["social"]))


def actor_graph(G: nx.DiGraph) -> nx.Graph:
    """The undirected simple graph of actors joined by :data:`ACTOR_TIES`."""
    _require_projection(G)
    return cached(G, "actors", lambda: _view(G, *VIEWS["actors"]))


def introduction_graph(G: nx.DiGraph) -> nx.Graph:
    """Actors and adult contact persons, joined by actor ties and WORKS_FOR / VOLUNTEERS_AT.

    Introductions run through organisations and the adults who work or volunteer at them
    (a teacher who also coaches at the club); never through young people.
    """
    _require_projection(G)
    return cached(G, "introductions", lambda: _view(G, *VIEWS["introductions"]))


def directed_actor_graph(G: nx.DiGraph) -> nx.DiGraph:
    """Actors with directed ties for brokerage roles: REFERS_TO and FUNDS keep their direction;
    COLLABORATES_WITH, which has none, counts both ways."""
    _require_projection(G)

    def build() -> nx.DiGraph:
        collaborates = TieType.COLLABORATES_WITH.value
        D = nx.DiGraph()
        with paused_gc():
            keep = [n for n, d in G._node.items() if d["kind"] in ACTOR_KINDS_STR]
            _fill_nodes(D, G, keep)
            succ, pred, ties = D._succ, D._pred, G._succ
            # Each tie in the projection's order, then the collaborations the other way round.
            back = []
            for u in keep:
                mine = succ[u]
                for v, d in ties[u].items():
                    types = d["types"]
                    if v in succ and not types.isdisjoint(ACTOR_TIES):
                        if v not in mine:
                            mine[v] = pred[v][u] = {}
                        if collaborates in types:
                            back.append((v, u))
            for v, u in back:
                if u not in succ[v]:
                    succ[v][u] = pred[u][v] = {}
        return D

    return cached(G, "directed_actors", build)


# The views fill NetworkX's dicts directly, as ``add_nodes_from`` and ``add_edges_from`` would
# (same order, a copy of each node's attributes, one dict per edge), without their checks per
# node and edge: seconds at a region's million ties (``bench/region_bench.py``).


def _view(G: nx.DiGraph, kinds: Collection[str], ties: frozenset[str]) -> nx.Graph:
    H = nx.Graph(tenant=G.graph.get("tenant"))
    with paused_gc():
        keep = [n for n, d in G._node.items() if d["kind"] in kinds]
        _fill_nodes(H, G, keep)
        adj, succ = H._adj, G._succ
        # The ties among the kept nodes that carry one of ``ties``, in the projection's order.
        # Undirected and simple: a -> b and b -> a collapse into one edge.
        for u in keep:
            here = adj[u]
            for v, d in succ[u].items():
                if v in adj and v not in here and not d["types"].isdisjoint(ties):
                    here[v] = adj[v][u] = {}
    return H


def _fill_nodes(H: nx.Graph, G: nx.DiGraph, keep: list[str]) -> None:
    """Add ``keep``, with a copy of their attributes in ``G``, to the empty graph ``H``."""
    source, node_data = G._node, H._node
    adjacency = [H._adj] if not H.is_directed() else [H._succ, H._pred]
    for n in keep:
        node_data[n] = dict(source[n])
        for adj in adjacency:
            adj[n] = {}
