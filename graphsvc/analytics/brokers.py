"""Brokers between arenas: who connects, say, school life and leisure life.

Definitions
-----------
Sources ``S`` are the actors in the *from* arena and targets ``T`` the actors in the *to*
arena (an actor in both, such as SSP, is in both sets), optionally only those located in an
area (or its sub-areas). A pair is an ordered ``(s, t)`` with ``s != t``; it is *connected*
when some path joins them.

* **share** of a node ``v``: the mean, over the connected pairs ``v`` is not part of, of the
  fraction of shortest ``s``–``t`` paths that pass through ``v``::

      share(v) = sum of sigma_st(v) / sigma_st over connected pairs with v not s, not t
                 / number of connected pairs with v not s, not t

  That is Brandes' (2008) subset betweenness, normalised by the pairs it could lie between
  (as Freeman's betweenness is by ``(n-1)(n-2)``), so it reads "41% of school→leisure paths
  run through it", and a club that every school must go through to reach the other leisure
  actors scores 100% although its own ties to the schools pass through nobody. On the path
  school – X – leisure, X's share is 1.0 (NetworkX's ``betweenness_centrality_subset``
  reports 0.5 there; see ``engines``).
* **links N school actors to M leisure actors**: ``N`` counts the sources and ``M`` the
  targets of the connected pairs that have at least one shortest path through ``v``.

Paths run on the actor graph by default: a coordinator asks which *organisations* join the
two arenas. With ``include_young_people=True`` paths may also run through young people (a
pupil who is also a club member); young people are never ranked.

Each broker also gets Burt's constraint and effective size (``structural_holes``) and its
Gould–Fernandez roles (``brokerage``) on directed actor ties, grouped by sector or arena.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import networkx as nx

from .arena_paths import eligible_pairs, linked_ends, pair_counts, share_of
from .brokerage import BrokerageCounts, BrokerageRole, brokerage_roles
from .engines import Engine, distance_matrix, pair_dependencies, resolve_engine
from .lookups import area_subtree, require_node
from .projection import ACTOR_KINDS_STR, directed_actor_graph, node_data, social_graph
from .structural_holes import structural_holes
from .wording import ARENA_LABELS, SECTOR_LABELS, count, label, percent

__all__ = ["Broker", "BrokerRanking", "arena_groups", "rank_brokers"]

GroupBy = Literal["sector", "arena"]


@dataclass(frozen=True)
class Broker:
    """One ranked broker between two arenas.

    Attributes
    ----------
    rank : int
        1 for the node most paths run through.
    node, name, kind, sector, area : str | None
        Who it is and where it is located.
    arenas : tuple[str, ...]
        Its arenas, sorted.
    share : float
        Share of the shortest paths of the connected source→target pairs it is not an end
        of that run through it, 0-1 (module docstring).
    sources_linked, targets_linked : int
        Sources and targets of the pairs with a shortest path through it.
    constraint, effective_size : float | None
        Burt's measures on the graph the paths ran on.
    roles : BrokerageCounts
        Gould–Fernandez role counts on directed actor ties.
    main_role : str | None
        The most frequent role, if any.
    main_role_group : str | None
        The group the main role is about (the broker's own sector or arena group).
    sentence : str
        "links 12 school actors to 8 leisure actors; 41% of school→leisure paths run
        through it; mostly a gatekeeper into civil society".
    """

    rank: int
    node: str
    name: str
    kind: str
    sector: str | None
    arenas: tuple[str, ...]
    area: str | None
    share: float
    sources_linked: int
    targets_linked: int
    constraint: float | None
    effective_size: float | None
    roles: BrokerageCounts
    main_role: str | None
    main_role_group: str | None
    sentence: str


@dataclass(frozen=True)
class BrokerRanking:
    """Brokers between two arenas, best first.

    Attributes
    ----------
    source_arena, target_arena : str
        The question: who connects ``source_arena`` actors to ``target_arena`` actors.
    area : str | None
        Only actors located in this area (or its sub-areas) were sources and targets.
    include_young_people : bool
        Whether paths could run through young people.
    group_by : str
        ``"sector"`` or ``"arena"``: the groups of the brokerage roles.
    sources, targets : int
        Number of source and target actors.
    pairs, connected_pairs : int
        Ordered (source, target) pairs, and those joined by some path.
    engine : str
        ``"igraph"`` or ``"networkx"``: which engine ran the shortest paths (same results).
    brokers : tuple[Broker, ...]
        The ranked brokers (only nodes some path runs through).
    sentence : str
        A summary of the question's size.
    """

    source_arena: str
    target_arena: str
    area: str | None
    include_young_people: bool
    group_by: str
    sources: int
    targets: int
    pairs: int
    connected_pairs: int
    engine: str
    brokers: tuple[Broker, ...]
    sentence: str


def arena_groups(G: nx.DiGraph, source_arena: str, target_arena: str) -> dict[str, str]:
    """Each actor's group for arena-based brokerage roles: ``source_arena``,
    ``target_arena``, both joined by ``+``, or ``"other"``. Roles need one group per actor,
    and most actors belong to several arenas, so the groups are relative to the question."""
    both = f"{source_arena}+{target_arena}"
    groups = {}
    for node, data in node_data(G).items():
        if data["kind"] in ACTOR_KINDS_STR:
            a, b = source_arena in data["arenas"], target_arena in data["arenas"]
            groups[node] = both if a and b else source_arena if a else target_arena if b else "other"
    return groups


def rank_brokers(
    G: nx.DiGraph,
    *,
    source_arena: str = "school",
    target_arena: str = "leisure",
    area: str | None = None,
    include_young_people: bool = False,
    group_by: GroupBy = "sector",
    top: int | None = 20,
    engine: Engine = "auto",
) -> BrokerRanking:
    """Rank the nodes that connect ``source_arena`` actors to ``target_arena`` actors.

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`.
    source_arena, target_arena : str
        Arena names (``"school"``, ``"leisure"``, ...).
    area : str, optional
        Restrict sources and targets to actors located in this area or its sub-areas.
        Paths may still run anywhere.
    include_young_people : bool
        Let paths run through young people too (they are never ranked).
    group_by : {"sector", "arena"}
        Groups for the Gould & Fernandez (1989) roles; see :func:`arena_groups`.
    top : int, optional
        How many brokers to return (``None``: all with a share above zero).
    engine : {"auto", "igraph", "networkx"}
        Shortest-path engine; results are the same.

    Returns
    -------
    BrokerRanking
        Ranked by share, then by sources and targets linked, then by name.
    """
    arenas = set(ARENA_LABELS["en"])
    for arena in (source_arena, target_arena):
        if arena not in arenas:
            raise ValueError(f"unknown arena {arena!r}; choose one of {', '.join(arenas)}")
    if group_by not in ("sector", "arena"):
        raise ValueError("group_by must be 'sector' or 'arena'")
    if area is not None:
        require_node(G, area, "Area")
    kind = resolve_engine(engine)
    H = social_graph(G, young_people=include_young_people)
    within = area_subtree(G, [area]) if area is not None else None
    nodes = node_data(G)

    def in_arena(arena: str) -> list[str]:
        return [
            n
            for n in H
            if nodes[n]["kind"] in ACTOR_KINDS_STR
            and arena in nodes[n]["arenas"]
            and (within is None or nodes[n]["area"] in within)
        ]

    S, T = in_arena(source_arena), in_arena(target_arena)
    D = distance_matrix(H, S, T, engine=kind)
    connected, pairs = pair_counts(D, S, T)
    n_connected = int(connected.sum())
    dependencies = pair_dependencies(H, S, T, engine=kind) if n_connected else {}
    eligible = eligible_pairs(connected, S, T)
    # Projection ids are strings; the kernels are typed for any hashable node.
    shares = {
        str(v): share_of(d, eligible(v))
        for v, d in dependencies.items()
        if d > 1e-9 and nodes[v]["kind"] in ACTOR_KINDS_STR
    }
    # Rounded so that float noise between engines cannot reorder equal shares.
    ranked = sorted(shares, key=lambda v: -round(shares[v], 9))
    linked = {v: linked_ends(H, v, S, T, D, connected, kind) for v in ranked[: (top or None)]}
    ranked = sorted(
        linked, key=lambda v: (-round(shares[v], 9), -linked[v][0], -linked[v][1], nodes[v]["name"], v)
    )
    holes = structural_holes(H, nodes=ranked)
    groups = (
        arena_groups(G, source_arena, target_arena)
        if group_by == "arena"
        else {n: d["sector"] for n, d in nodes.items() if d["kind"] in ACTOR_KINDS_STR}
    )
    roles = brokerage_roles(directed_actor_graph(G), groups, nodes=ranked)
    brokers = []
    for rank, v in enumerate(ranked, start=1):
        data = nodes[v]
        share = shares[v]
        main = roles[v].main_role()
        group = groups.get(v) if main else None
        sentence = _sentence(source_arena, target_arena, linked[v], share, main, group, group_by)
        brokers.append(
            Broker(
                rank=rank,
                node=v,
                name=data["name"],
                kind=data["kind"],
                sector=data["sector"],
                arenas=tuple(sorted(data["arenas"])),
                area=data["area"],
                share=share,
                sources_linked=linked[v][0],
                targets_linked=linked[v][1],
                constraint=holes[v].constraint,
                effective_size=holes[v].effective_size,
                roles=roles[v],
                main_role=main.value if main else None,
                main_role_group=group,
                sentence=sentence,
            )
        )
    summary = (
        f"{count(len(S), source_arena + ' actor')} and "
        f"{count(len(T), target_arena + ' actor')}"
        + (f" in {nodes[area]['name']}" if area else "")
        + f"; {n_connected} of {pairs} {source_arena}→{target_arena} pairs are connected"
    )
    return BrokerRanking(
        source_arena=source_arena,
        target_arena=target_arena,
        area=area,
        include_young_people=include_young_people,
        group_by=group_by,
        sources=len(S),
        targets=len(T),
        pairs=pairs,
        connected_pairs=n_connected,
        engine=kind,
        brokers=tuple(brokers),
        sentence=summary,
    )


_ROLE_WORDS = {
    BrokerageRole.COORDINATOR: "a coordinator within {group}",
    BrokerageRole.ITINERANT: "an itinerant broker between members of another group",
    BrokerageRole.REPRESENTATIVE: "a representative of {group}",
    BrokerageRole.GATEKEEPER: "a gatekeeper into {group}",
    BrokerageRole.LIAISON: "a liaison between other groups",
}


def _sentence(
    source: str,
    target: str,
    linked: tuple[int, int],
    share: float,
    main: BrokerageRole | None,
    group: str | None,
    group_by: str,
) -> str:
    text = (
        f"links {count(linked[0], source + ' actor')} to "
        f"{count(linked[1], target + ' actor')}; {percent(share)} of "
        f"{source}→{target} paths run through it"
    )
    if main is not None:
        if group_by == "sector":
            name = label(SECTOR_LABELS, group)
        else:
            name = " and ".join(label(ARENA_LABELS, g) for g in (group or "").split("+"))
        words = _ROLE_WORDS[main].format(group=name)
        if group_by == "sector":
            words = words.replace("another group", "another sector").replace("other groups", "other sectors")
        text += f"; mostly {words}"
    return text
