"""The target group's members around pairs of actors, counted for every open pair at once.

For the weaving list (:mod:`~graphsvc.analytics.weaving`), over the hundreds of thousands of
open pairs of a municipality: how many members are tied to each actor, how many to both actors
of a pair (so none is counted twice), and how many a tie between two actors would give an arena
within two hops that they do not reach now. Arenas are bitmasks, so the last is a table lookup
per pair: ``reached[a, arenas of b] + reached[b, arenas of a]``.

>>> arena_bits(frozenset({"school", "leisure"}))
3
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import numpy as np

from .open_triangles import OpenPairs
from .projection import social_graph
from .wording import ARENA_LABELS

__all__ = ["arena_bits", "both_tied", "members_tied", "reached_by"]


def arena_bits(arenas: frozenset[str]) -> int:
    return sum(1 << i for i, arena in enumerate(ARENA_LABELS["en"]) if arena in arenas)


def reached_by(G: nx.DiGraph, actors: list[Any], now: dict[str, frozenset[str]]) -> np.ndarray[Any, Any]:
    """``reached[a, X]``: the members tied to actor ``a`` who lack an arena of the set ``X`` (a
    bitmask) within two hops — those a tie from ``a`` to an actor of arenas ``X`` would give a
    new arena. A member tied to both ends of a tie already has both ends' arenas, so per pair
    the two ends' counts add up without counting anyone twice."""
    H = social_graph(G)
    index = {n: i for i, n in enumerate(actors)}
    size = 1 << len(ARENA_LABELS["en"])
    held = np.zeros((len(actors), size), dtype=np.int64)  # members per actor and arena mask
    rows = [(index[x], arena_bits(arenas)) for m, arenas in now.items() for x in H._adj[m] if x in index]
    if rows:
        at = np.array(rows, dtype=np.int64)
        np.add.at(held, (at[:, 0], at[:, 1]), 1)
    masks = np.arange(size)
    lacks = ((masks[:, None] & ~masks[None, :]) != 0).astype(np.int64)  # lacks[X, held mask]
    return held @ lacks.T


def members_tied(
    G: nx.DiGraph, actors: list[Any], members: dict[str, frozenset[str]]
) -> np.ndarray[Any, Any]:
    """Per actor (in the open pairs' order): the members tied to it."""
    H = social_graph(G)
    counts = Counter(a for m in members for a in H._adj[m])
    return np.array([counts[n] for n in actors], dtype=np.int64)


def both_tied(G: nx.DiGraph, found: OpenPairs, members: dict[str, frozenset[str]]) -> np.ndarray[Any, Any]:
    """Per open pair: the members tied to both actors (so that none is counted twice)."""
    H = social_graph(G)
    index = {n: i for i, n in enumerate(found.nodes)}
    n = len(found.nodes)
    codes: Counter[int] = Counter()
    for m in members:
        around = sorted(index[x] for x in H._adj[m] if x in index)
        codes.update(i * n + j for k, i in enumerate(around) for j in around[k + 1 :])
    if not codes:
        return np.zeros(len(found), dtype=np.int64)
    known = np.array(sorted(codes), dtype=np.int64)
    counted = np.array([codes[c] for c in known.tolist()], dtype=np.int64)
    pairs = found.first * n + found.second
    at = np.clip(np.searchsorted(known, pairs), 0, len(known) - 1)
    return np.where(known[at] == pairs, counted[at], 0)
