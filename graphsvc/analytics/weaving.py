"""The weaving list: introductions to suggest around a target group, and why.

A **suggestion** is an open triangle of the actor graph (:mod:`~graphsvc.analytics.open_triangles`):
two actors who share a partner but have no tie to each other, at least one of them in the
group's support network. The shared partners are who can introduce them.

Suggestions are ranked

1. school ↔ leisure first (one actor in the school arena, the other in leisure): the
   question graphsvc exists for;
2. then across sectors;
3. then by the expected effect: the members who would reach an arena within two hops that they
   do not reach now;
4. then by the target group's members tied to either actor (around the members first);
5. then by the partners they share (the more, the warmer the introduction); then by name.

One actor appears in at most :data:`PER_ACTOR` suggestions, so that a hub tied to hundreds of
members does not fill the list with introductions of its own.

Each comes with what each actor brings (arenas, sector, members tied to it), and the expected
effect of the tie — the members who would reach an arena within two hops that they do not
reach now, and how many of them leisure — which is exactly what a what-if of adding the tie
reports (:mod:`~graphsvc.analytics.whatif`; a test holds the two to the same numbers).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from .gaps import GapReport
from .open_triangles import open_pairs
from .pair_members import arena_bits, both_tied, members_tied, reached_by
from .projection import actor_graph, cached, node_data, social_graph
from .statements import Statement
from .weaving_wording import suggestion_statements, summary_statement
from .whatif import arenas_now

__all__ = ["Introducer", "PairEffect", "PairEnd", "Suggestion", "WeavingList", "weaving_list"]

INTRODUCERS_SHOWN = 5
PER_ACTOR = 3


@dataclass(frozen=True)
class PairEnd:
    """One actor of a suggested pair: who it is, the members tied to it, and whether it is in
    the support network (``partner``)."""

    node: str
    name: str
    kind: str
    sector: str | None
    arenas: tuple[str, ...]
    area: str | None
    members: int
    partner: bool


@dataclass(frozen=True)
class Introducer:
    """A partner both actors share: who can introduce them."""

    node: str
    name: str
    kind: str
    partner: bool


@dataclass(frozen=True)
class PairEffect:
    """Members who would reach an arena within two hops that they do not reach now, how many of
    them the focus arena (leisure), and the arenas gained."""

    members_reached: int
    leisure_gained: int
    arenas: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """An introduction to make (module docstring). For a school ↔ leisure pair ``first`` is
    the school actor; otherwise the one with more members tied to it."""

    rank: int
    first: PairEnd
    second: PairEnd
    introducers: tuple[Introducer, ...]
    shared_partners: int
    school_leisure: bool
    cross_sector: bool
    members_touched: int
    effect: PairEffect
    why: Statement
    expected: Statement


@dataclass(frozen=True)
class WeavingList:
    """Suggested introductions around one target group, best first, and how many open pairs
    there are around it in all."""

    target_group: str
    name: str
    hops: int
    open_pairs: int
    school_leisure_pairs: int
    cross_sector_pairs: int
    suggestions: tuple[Suggestion, ...]
    summary: Statement


def weaving_list(
    G: nx.DiGraph,
    report: GapReport,
    *,
    top: int = 20,
    school_arena: str = "school",
) -> WeavingList:
    """Suggested introductions around ``report``'s target group (module docstring)."""
    found = cached(G, "open_pairs", lambda: open_pairs(actor_graph(G)))
    nodes = node_data(G)
    actors = found.nodes
    focus = report.focus_arena
    now = arenas_now(G, report)
    a, b = found.first, found.second
    flag = _flags(actors, nodes, report.support.ids, school_arena, focus)
    scope = flag["partner"][a] | flag["partner"][b]
    school_leisure = (flag["school"][a] & flag["leisure"][b]) | (flag["leisure"][a] & flag["school"][b])
    cross = flag["sector"][a] != flag["sector"][b]
    tied_members = members_tied(G, actors, now)
    touched = tied_members[a] + tied_members[b] - both_tied(G, found, now)
    reached = reached_by(G, actors, now)
    effect = reached[a, flag["mask"][b]] + reached[b, flag["mask"][a]]
    rank = flag["name_rank"]
    keys = (
        np.maximum(rank[a], rank[b]),
        np.minimum(rank[a], rank[b]),
        -found.shared,
        -touched,
        -effect,
        -cross.astype(np.int64),
        -school_leisure.astype(np.int64),
        ~scope,
    )
    order = np.lexsort(keys)  # the last key sorts first
    suggestions = []
    for number, i in enumerate(_capped(order, a, b, min(top, int(scope.sum()))), start=1):
        u, v = str(actors[int(a[i])]), str(actors[int(b[i])])
        if school_leisure[i]:
            swap = not (school_arena in nodes[u]["arenas"] and focus in nodes[v]["arenas"])
        else:  # the end with more members first
            swap = (-tied_members[b[i]], rank[b[i]]) < (-tied_members[a[i]], rank[a[i]])
        if swap:
            u, v = v, u
        pair = (bool(school_leisure[i]), bool(cross[i]), int(touched[i]))
        suggestions.append(_suggestion(G, report, number, u, v, now, *pair))
    counts = (int(scope.sum()), int((scope & school_leisure).sum()), int((scope & cross).sum()))
    return WeavingList(
        target_group=report.target_group,
        name=report.name,
        hops=report.hops,
        open_pairs=counts[0],
        school_leisure_pairs=counts[1],
        cross_sector_pairs=counts[2],
        suggestions=tuple(suggestions),
        summary=summary_statement(*counts, school_arena, focus),
    )


def _capped(
    order: np.ndarray[Any, Any], a: np.ndarray[Any, Any], b: np.ndarray[Any, Any], top: int
) -> list[int]:
    """The first ``top`` pairs of ``order`` in which no actor is in more than :data:`PER_ACTOR`."""
    chosen: list[int] = []
    seen: Counter[int] = Counter()
    for i in order.tolist():
        if len(chosen) == top:
            break
        ends = (int(a[i]), int(b[i]))
        if seen[ends[0]] < PER_ACTOR and seen[ends[1]] < PER_ACTOR:
            chosen.append(i)
            seen.update(ends)
    return chosen


def _flags(
    actors: list[Any], nodes: dict[Any, dict[str, Any]], support: frozenset[str], school: str, leisure: str
) -> dict[str, np.ndarray[Any, Any]]:
    sectors: dict[str | None, int] = {}
    ranked = {n: i for i, n in enumerate(sorted(actors, key=lambda n: (nodes[n]["name"], n)))}
    return {
        "mask": np.array([arena_bits(nodes[n]["arenas"]) for n in actors], dtype=np.int64),
        "partner": np.array([n in support for n in actors], dtype=bool),
        "school": np.array([school in nodes[n]["arenas"] for n in actors], dtype=bool),
        "leisure": np.array([leisure in nodes[n]["arenas"] for n in actors], dtype=bool),
        "sector": np.array([sectors.setdefault(nodes[n]["sector"], len(sectors)) for n in actors]),
        "name_rank": np.array([ranked[n] for n in actors], dtype=np.int64),
    }


def _suggestion(
    G: nx.DiGraph,
    report: GapReport,
    rank: int,
    u: str,
    v: str,
    now: dict[str, frozenset[str]],
    school_leisure: bool,
    cross: bool,
    touched: int,
) -> Suggestion:
    nodes = node_data(G)
    A, H = actor_graph(G), social_graph(G)
    support = report.support.ids
    shared = sorted(
        A._adj[u].keys() & A._adj[v].keys(), key=lambda n: (n not in support, nodes[n]["name"], n)
    )
    tied = {x: [m for m in H._adj[x] if m in now] for x in (u, v)}
    gains: dict[str, frozenset[str]] = {}
    for x, other in ((u, v), (v, u)):
        for m in tied[x]:
            gains[m] = gains.get(m, frozenset()) | (nodes[other]["arenas"] - now[m])
    reached = [g for g in gains.values() if g]
    effect = PairEffect(
        members_reached=len(reached),
        leisure_gained=sum(1 for g in reached if report.focus_arena in g),
        arenas=tuple(sorted(frozenset().union(*reached))),
    )
    first, second = (_end(nodes, x, len(tied[x]), x in support) for x in (u, v))
    introducers = tuple(Introducer(n, nodes[n]["name"], nodes[n]["kind"], n in support) for n in shared)
    why, expected = suggestion_statements(
        first, second, introducers, school_leisure, cross, touched, effect, report.focus_arena
    )
    return Suggestion(
        rank=rank,
        first=first,
        second=second,
        introducers=introducers[:INTRODUCERS_SHOWN],
        shared_partners=len(shared),
        school_leisure=school_leisure,
        cross_sector=cross,
        members_touched=touched,
        effect=effect,
        why=why,
        expected=expected,
    )


def _end(nodes: dict[Any, dict[str, Any]], node: str, members: int, partner: bool) -> PairEnd:
    d = nodes[node]
    return PairEnd(
        node=node,
        name=d["name"],
        kind=d["kind"],
        sector=d["sector"],
        arenas=tuple(sorted(d["arenas"])),
        area=d["area"],
        members=members,
        partner=partner,
    )
