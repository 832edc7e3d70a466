"""Which arenas each member of a target group reaches within two hops.

A member **reaches** an arena when an actor of it is tied to them, or is tied to an actor they
are tied to (two hops, the first always an actor: young people are tied only to actors). This
is the gap report's "leisure access" (see :mod:`~graphsvc.analytics.reach`) for every arena
at once, so a what-if can say who would gain or lose an arena, and which.

Each actor's *near arenas* — its own and those of the actors tied to it — are worked out once
per projection; a member's arenas are then the union over the actors they are tied to, which
costs only their own degree. After a change (:func:`changed_member_arenas`) only the actors at
the ends of changed ties and the neighbours of removed actors get new near arenas, and only
the members tied to those actors are counted again.

>>> import networkx as nx
>>> from graphsvc.analytics.projection import network_to_graph
>>> from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType, YoungPerson
>>> school = Actor(kind=Kind.MUNICIPAL_UNIT, id="s", tenant="t", name="S", sector=Sector.PUBLIC,
...                arenas={Arena.SCHOOL})
>>> club = Actor(kind=Kind.ASSOCIATION, id="c", tenant="t", name="C",
...              sector=Sector.CIVIL_SOCIETY, arenas={Arena.LEISURE})
>>> pupil = YoungPerson(id="y", tenant="t", name="Y")
>>> G = network_to_graph(Network(tenant="t", nodes=(school, club, pupil), ties=(
...     Tie(type=TieType.ATTENDS, source="y", target="s"),
...     Tie(type=TieType.COLLABORATES_WITH, source="s", target="c"))))
>>> sorted(member_arenas(G, ["y"])["y"])
['leisure', 'school']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import networkx as nx

from .projection import actor_graph, cached, node_data, social_graph

__all__ = ["changed_member_arenas", "member_arenas", "near_arenas"]

_NONE: frozenset[str] = frozenset()


def near_arenas(G: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Actor -> the arenas of the actor and of every actor tied to it (cached on ``G``)."""

    def build() -> dict[str, frozenset[str]]:
        A = actor_graph(G)
        nodes = node_data(G)
        return {a: nodes[a]["arenas"].union(*(nodes[x]["arenas"] for x in A._adj[a])) for a in A}

    return cached(G, "near_arenas", build)


def member_arenas(G: nx.DiGraph, members: Collection[str]) -> dict[str, frozenset[str]]:
    """Member -> the arenas they reach within two hops (module docstring)."""
    H = social_graph(G)
    near = near_arenas(G)
    return {m: _NONE.union(*(near.get(a, _NONE) for a in H._adj[m])) for m in members}


def changed_member_arenas(
    G: nx.DiGraph,
    G2: nx.DiGraph,
    before: Mapping[str, frozenset[str]],
    *,
    actors_removed: Iterable[str] = (),
    pairs_changed: Iterable[tuple[str, str]] = (),
) -> dict[str, frozenset[str]]:
    """:func:`member_arenas` on ``G2`` — ``G`` after removing ``actors_removed`` and adding or
    removing the ties between ``pairs_changed`` — from the members' arenas ``before`` on ``G``,
    counting again only the members the change can reach (module docstring)."""
    A, H = actor_graph(G), social_graph(G)
    A2, H2 = actor_graph(G2), social_graph(G2)
    nodes = node_data(G2)
    removed = set(actors_removed)
    affected = {end for pair in pairs_changed for end in pair}
    for r in removed:
        affected.update(A._adj.get(r, ()))
    affected -= removed
    near = dict(near_arenas(G))
    for r in removed:
        near.pop(r, None)
    for a in affected:
        if a in A2:
            near[a] = nodes[a]["arenas"].union(*(nodes[x]["arenas"] for x in A2._adj[a]))
    result = dict(before)
    for actor in affected | removed:
        for m in H._adj.get(actor, ()):
            if m in result:
                result[m] = _NONE.union(*(near.get(a, _NONE) for a in H2._adj[m]))
    return result
