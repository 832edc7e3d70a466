"""Network-health measures: the "shared measurement" of a Collective Impact partnership.

All but reach are measured on the **actor graph** (:func:`~graphsvc.analytics.projection.
actor_graph`): organisations and units joined by COLLABORATES_WITH, REFERS_TO or FUNDS,
undirected and simple. Young people, contact persons and initiatives are not part of it, so the
numbers describe the partnership itself.

* **Density**: the share of all possible actor pairs that are tied, ``2m / (n (n - 1))``;
  undefined (``None``) below two actors.
* **Components**: connected components of the actor graph; an actor with no tie is a
  component of its own (``isolated_actors`` counts those), so recruiting an actor without
  tying it in raises the number.
* **Cross-sector tie share**: the share of actor ties whose two ends are in different sectors,
  ``E / (E + I)``; **E-I index** (Krackhardt & Stern 1988) ``(E - I) / (E + I)`` over the same
  ties, from -1 (every tie inside a sector) to +1 (every tie across). Both ``None`` without ties.
* **Degree centralisation** (Freeman 1978): how much the ties gather on one actor,
  ``sum(d_max - d_i) / ((n - 1)(n - 2))``: 1 for a star, 0 when every actor has as many ties;
  ``None`` below three actors.
* **Target-group reach**: for each target group, the share of its members within ``hops``
  ties (default 2) of a *partner* of the group in the social graph, partners being the actors
  that take part in or fund an initiative targeting the group. A member is reached when they
  attend, use or belong to a partner, or to an actor tied to a partner. ``None`` when the group
  has no members; 0 when no initiative targets it yet.

References
----------
Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. *Social
Networks* 1(3): 215-239.
Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
experimental simulation. *Social Psychology Quarterly* 51(2): 123-140.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from .lookups import initiative_participants, initiatives_targeting, nodes_of_kind
from .members import target_group_members
from .projection import actor_graph, node_data, social_graph
from .support import ei_index

__all__ = [
    "HealthMeasures",
    "TargetGroupReach",
    "degree_centralisation",
    "density",
    "members_within",
    "network_health",
    "target_group_reach",
]


@dataclass(frozen=True)
class TargetGroupReach:
    """How many members of a target group its partners reach (module docstring)."""

    target_group: str
    name: str
    hops: int
    partners: int
    members: int
    reached: int
    share: float | None


@dataclass(frozen=True)
class HealthMeasures:
    """The health of one tenant's network at one moment (module docstring).

    ``actors_by_sector`` and ``actors_by_arena`` count actors (an actor in two arenas counts in
    both); ``external_ties`` and ``internal_ties`` are E and I of the E-I index.
    """

    actors: int
    actor_ties: int
    density: float | None
    components: int
    isolated_actors: int
    external_ties: int
    internal_ties: int
    cross_sector_tie_share: float | None
    ei_index: float | None
    degree_centralisation: float | None
    actors_by_sector: dict[str, int]
    actors_by_arena: dict[str, int]
    reach: tuple[TargetGroupReach, ...]


def density(A: nx.Graph) -> float | None:
    """``2m / (n (n - 1))`` of an undirected simple graph; ``None`` below two nodes.

    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    n = A.number_of_nodes()
    if n < 2:
        return None
    return 2 * A.number_of_edges() / (n * (n - 1))


def degree_centralisation(A: nx.Graph) -> float | None:
    """Freeman's (1978) degree centralisation of an undirected simple graph: 1 for a star,
    0 for a graph whose nodes all have the same degree; ``None`` below three nodes.

    >>> degree_centralisation(nx.star_graph(4)), degree_centralisation(nx.cycle_graph(5))
    (1.0, 0.0)
    """
    n = A.number_of_nodes()
    if n < 3:
        return None
    degrees = [d for _, d in A.degree()]
    top = max(degrees)
    # The largest possible sum, reached by a star: (n - 1) leaves each n - 2 short of the hub.
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def members_within(H: nx.Graph, sources: Collection[str], members: Collection[str], *, hops: int) -> int:
    """How many of ``members`` lie within ``hops`` ties of any of ``sources`` in ``H``."""
    wanted = set(members)
    seen = {s for s in sources if s in H}
    frontier = list(seen)
    for _ in range(hops):
        ahead = []
        for u in frontier:
            for v in H._adj[u]:
                if v not in seen:
                    seen.add(v)
                    ahead.append(v)
        frontier = ahead
    return len(seen & wanted)


def target_group_reach(
    G: nx.DiGraph, target_group: str, *, hops: int = 2, reference_year: int | None = None
) -> TargetGroupReach:
    """The reach of ``target_group``'s partners into its members (module docstring)."""
    if hops < 1:
        raise ValueError("hops must be at least 1")
    members = target_group_members(G, target_group, reference_year=reference_year).members
    partners = {
        a
        for initiative in initiatives_targeting(G, target_group)
        for a in initiative_participants(G, initiative)
    }
    reached = members_within(social_graph(G), partners, members, hops=hops) if partners else 0
    return TargetGroupReach(
        target_group=target_group,
        name=node_data(G)[target_group]["name"],
        hops=hops,
        partners=len(partners),
        members=len(members),
        reached=reached,
        share=reached / len(members) if members else None,
    )


def network_health(G: nx.DiGraph, *, hops: int = 2, reference_year: int | None = None) -> HealthMeasures:
    """Every measure of the module docstring for the projection ``G``.

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`; young people
        are needed for reach only.
    hops : int
        The reach radius around a target group's partners.
    reference_year : int, optional
        The year ages are counted in for target-group criteria (default: now).
    """
    A = actor_graph(G)
    nodes = node_data(G)
    mix = ei_index(G)
    ties = mix.external + mix.internal
    by_sector: dict[str, int] = {}
    by_arena: dict[str, int] = {}
    for actor in A:
        sector = nodes[actor]["sector"]
        by_sector[sector] = by_sector.get(sector, 0) + 1
        for arena in nodes[actor]["arenas"]:
            by_arena[arena] = by_arena.get(arena, 0) + 1
    reach = [
        target_group_reach(G, tg, hops=hops, reference_year=reference_year)
        for tg in nodes_of_kind(G, "TargetGroup")
    ]
    return HealthMeasures(
        actors=A.number_of_nodes(),
        actor_ties=A.number_of_edges(),
        density=density(A),
        components=nx.number_connected_components(A) if len(A) else 0,
        isolated_actors=sum(1 for _, d in A.degree() if d == 0),
        external_ties=mix.external,
        internal_ties=mix.internal,
        cross_sector_tie_share=mix.external / ties if ties else None,
        ei_index=mix.index,
        degree_centralisation=degree_centralisation(A),
        actors_by_sector=dict(sorted(by_sector.items())),
        actors_by_arena=dict(sorted(by_arena.items())),
        reach=tuple(sorted(reach, key=lambda r: (r.name, r.target_group))),
    )
