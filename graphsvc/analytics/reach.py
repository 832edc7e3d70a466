"""How far young people reach into the arenas of everyday life, and where that reach breaks.

Definitions (all on the social graph of :mod:`~graphsvc.analytics.projection`):

* A young person's **arenas** are the arenas of the actors they are tied to directly
  (ATTENDS, MEMBER_OF, WORKS_AT, USES). *No leisure tie* means none of those actors is in
  the focus arena (default leisure); *only one arena* means their actors' arenas add up to
  exactly one arena.
* A leisure actor **reaches** an area when it is located in the area (or a sub-area of it) or
  is tied to a young person who lives there. An **area gap** is an area where target-group
  members live that no leisure actor reaches. Actors located in a wider area (the whole
  municipality) do not reach every town by location alone: only through their ties.
* A school **has no path to leisure within 2 hops** when no leisure actor lies one or two
  ties away from it, through any actor or young person.
* **Leisure access**: a member has it when a leisure actor is tied to them, or tied to an actor
  they are tied to (two hops; the first hop is always an actor). An actor is a **single point
  of failure** for a member when every such route runs through it; removing it cuts them off.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .lookups import area_subtree
from .members import age_band_of
from .projection import ACTOR_KINDS_STR, node_data, social_graph

__all__ = [
    "AreaGap",
    "ArenaReach",
    "ReachCounts",
    "SchoolGap",
    "SinglePointOfFailure",
    "area_gaps",
    "arena_reach",
    "schools_without_arena",
    "single_points_of_failure",
]


@dataclass(frozen=True)
class ReachCounts:
    """Arena reach of one group of members.

    Attributes
    ----------
    group : str
        ``"all"``, an area id or an age band (``"unknown"`` when not recorded).
    label : str
        The area's name, the age band, or "all members".
    members : int
        Members in the group.
    without_focus : int
        Members with no tie to an actor in the focus arena.
    one_arena : int
        Members whose ties reach exactly one arena.
    no_ties : int
        Members with no tie to any actor.
    """

    group: str
    label: str
    members: int
    without_focus: int
    one_arena: int
    no_ties: int


@dataclass(frozen=True)
class ArenaReach:
    """Members' arena reach overall, per area and per age band (largest groups first)."""

    focus_arena: str
    overall: ReachCounts
    by_area: tuple[ReachCounts, ...]
    by_age_band: tuple[ReachCounts, ...]
    members_without_focus: frozenset[str]
    members_one_arena: frozenset[str]


@dataclass(frozen=True)
class AreaGap:
    """An area where members live that no actor of the focus arena reaches."""

    area: str
    name: str
    members: int
    young_people: int


@dataclass(frozen=True)
class SchoolGap:
    """A school-arena actor with no focus-arena actor within ``hops`` ties."""

    school: str
    name: str
    hops: int
    members_attending: int
    young_people_attending: int


@dataclass(frozen=True)
class SinglePointOfFailure:
    """An actor whose removal cuts ``members_cut_off`` members off from leisure access."""

    node: str
    name: str
    kind: str
    sector: str | None
    members_cut_off: int
    members_with_access: int


def _actor_arenas(H: nx.Graph, person: str) -> Iterable[frozenset[str]]:
    nodes = H._node
    return (nodes[a]["arenas"] for a in H._adj[person])


def arena_reach(
    G: nx.DiGraph,
    members: Collection[str],
    *,
    focus_arena: str = "leisure",
    reference_year: int | None = None,
) -> ArenaReach:
    """Count members with no tie in ``focus_arena``, with ties in only one arena, and with no
    ties at all: overall, per area and per age band (module docstring). Age bands come from
    :func:`~graphsvc.analytics.members.age_band_of` in ``reference_year`` (default: now)."""
    year = reference_year if reference_year is not None else datetime.date.today().year
    H = social_graph(G)
    nodes = node_data(G)
    without, one, none = set(), set(), set()
    for m in members:
        arenas: set[str] = set()
        for actor_arenas in _actor_arenas(H, m):
            arenas |= actor_arenas
        if focus_arena not in arenas:
            without.add(m)
        if len(arenas) == 1:
            one.add(m)
        if not H._adj[m]:
            none.add(m)

    def counts(group: str, label: str, who: Collection[str]) -> ReachCounts:
        return ReachCounts(
            group=group,
            label=label,
            members=len(who),
            without_focus=sum(1 for m in who if m in without),
            one_arena=sum(1 for m in who if m in one),
            no_ties=sum(1 for m in who if m in none),
        )

    by_area: dict[str, list[str]] = defaultdict(list)
    by_band: dict[str, list[str]] = defaultdict(list)
    for m in members:
        by_area[nodes[m]["area"] or "unknown"].append(m)
        by_band[age_band_of(nodes[m], year) or "unknown"].append(m)
    areas = [counts(a, nodes[a]["name"] if a in nodes else "unknown area", who) for a, who in by_area.items()]
    bands = [counts(b, b, who) for b, who in sorted(by_band.items())]
    return ArenaReach(
        focus_arena=focus_arena,
        overall=counts("all", "all members", members),
        by_area=tuple(sorted(areas, key=lambda c: (-c.members, c.label))),
        by_age_band=tuple(bands),
        members_without_focus=frozenset(without),
        members_one_arena=frozenset(one),
    )


def area_gaps(G: nx.DiGraph, members: Collection[str], *, focus_arena: str = "leisure") -> list[AreaGap]:
    """Areas where members live that no ``focus_arena`` actor reaches (module docstring),
    most members first."""
    H = social_graph(G)
    nodes = node_data(G)
    reached: set[str] = set()
    for node, data in nodes.items():
        if data["kind"] in ACTOR_KINDS_STR and focus_arena in data["arenas"]:
            if data["area"]:
                reached.add(data["area"])
            reached.update(
                nodes[y]["area"]
                for y in H._adj.get(node, ())
                if nodes[y]["kind"] == "YoungPerson" and nodes[y]["area"]
            )
    living = Counter(nodes[m]["area"] for m in members if nodes[m]["area"])
    residents = Counter(
        data["area"] for _, data in nodes.items() if data["kind"] == "YoungPerson" and data["area"]
    )
    gaps = []
    for area, count in living.items():
        # Reached through a sub-area counts too: a leisure actor in a district of the town.
        if not area_subtree(G, [area]) & reached:
            gaps.append(
                AreaGap(area=area, name=nodes[area]["name"], members=count, young_people=residents[area])
            )
    return sorted(gaps, key=lambda g: (-g.members, g.name))


def schools_without_arena(
    G: nx.DiGraph,
    schools: Iterable[str],
    *,
    arena: str = "leisure",
    hops: int = 2,
    members: Collection[str] = (),
) -> list[SchoolGap]:
    """The ``schools`` with no ``arena`` actor within ``hops`` ties (through actors or
    young people), those most members attend first."""
    H = social_graph(G)
    nodes = node_data(G)
    adj = H._adj
    member_set = set(members)
    gaps = []
    for school in schools:
        if arena in nodes[school]["arenas"] or _near(adj, nodes, school, arena, hops):
            continue
        pupils = [y for y in adj[school] if nodes[y]["kind"] == "YoungPerson"]
        gaps.append(
            SchoolGap(
                school=school,
                name=nodes[school]["name"],
                hops=hops,
                members_attending=sum(1 for y in pupils if y in member_set),
                young_people_attending=len(pupils),
            )
        )
    return sorted(gaps, key=lambda g: (-g.members_attending, g.name))


def _near(
    adj: Mapping[str, Mapping[str, Any]],
    nodes: Mapping[str, Mapping[str, Any]],
    start: str,
    arena: str,
    hops: int,
) -> bool:
    """Whether an actor of ``arena`` lies within ``hops`` of ``start``. Stops at the first
    one: a school's two-hop neighbourhood runs through services used by thousands of young
    people, and most schools have a leisure partner one hop away."""
    seen = {start}
    frontier = [start]
    for _ in range(hops):
        ahead = []
        for u in frontier:
            for v in adj[u]:
                if v in seen:
                    continue
                if arena in nodes[v]["arenas"]:
                    return True
                seen.add(v)
                ahead.append(v)
        frontier = ahead
    return False


def single_points_of_failure(
    G: nx.DiGraph, members: Collection[str], *, focus_arena: str = "leisure"
) -> tuple[list[SinglePointOfFailure], int]:
    """Actors whose removal cuts members off from ``focus_arena`` access within two hops.

    Returns the actors (most members cut off first) and the number of members who have
    access at all.

    Notes
    -----
    A member's routes are ``{l}`` for each leisure actor ``l`` tied to them and ``{a, l}`` for
    each actor ``a`` they are tied to and leisure actor ``l`` tied to ``a``; an actor cuts the
    member off when it lies on every route, i.e. in the intersection of the routes. Routes
    through one ``a`` intersect to ``{a}`` (or ``{a, l}`` when ``a`` has a single leisure
    partner), so each member costs only their own degree.
    """
    H = social_graph(G)
    nodes = node_data(G)
    adj = H._adj

    def is_focus(v: str) -> bool:
        data: Mapping[str, Any] = nodes[v]
        return data["kind"] in ACTOR_KINDS_STR and focus_arena in data["arenas"]

    partners_cache: dict[str, list[str]] = {}

    def focus_partners(a: str) -> list[str]:
        if a not in partners_cache:
            partners_cache[a] = [
                v for v in adj[a] if v != a and nodes[v]["kind"] in ACTOR_KINDS_STR and is_focus(v)
            ]
        return partners_cache[a]

    cut_off: Counter[str] = Counter()
    with_access = 0
    for m in members:
        common: set[str] | None = None
        for a in adj[m]:
            if is_focus(a):
                route = {a}
            else:
                partners = focus_partners(a)
                if not partners:
                    continue
                route = {a, partners[0]} if len(partners) == 1 else {a}
            common = route if common is None else common & route
            if not common:
                break
        if common is None:
            continue  # no access at all: counted by arena reach, not here
        with_access += 1
        cut_off.update(common)
    found = [
        SinglePointOfFailure(
            node=v,
            name=nodes[v]["name"],
            kind=nodes[v]["kind"],
            sector=nodes[v]["sector"],
            members_cut_off=n,
            members_with_access=with_access,
        )
        for v, n in cut_off.items()
    ]
    return sorted(found, key=lambda s: (-s.members_cut_off, s.name)), with_access
