"""Shares of shortest paths between two sets of actors: the measure behind the broker
ranking (definitions in :mod:`~graphsvc.analytics.brokers`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .engines import Engine, distance_matrix, pair_dependencies

__all__ = ["PathShares", "eligible_pairs", "linked_ends", "pair_counts", "path_shares", "share_of"]


@dataclass(frozen=True)
class PathShares:
    """Shares of source→target shortest paths through each node (module docstring).

    Attributes
    ----------
    shares : dict
        Node -> share in [0, 1].
    dependencies : dict
        Node -> the unnormalised sum of pair dependencies.
    eligible_pairs : dict
        Node -> the connected pairs it is not an end of (the share's denominator).
    connected_pairs : int
        Ordered (source, target) pairs, ``s != t``, joined by some path.
    pairs : int
        All ordered pairs with ``s != t``.
    """

    shares: dict[Hashable, float] = field(hash=False)
    dependencies: dict[Hashable, float] = field(hash=False)
    eligible_pairs: dict[Hashable, int] = field(hash=False)
    connected_pairs: int
    pairs: int


def path_shares(
    H: nx.Graph, sources: Sequence[Hashable], targets: Sequence[Hashable], *, engine: Engine = "auto"
) -> PathShares:
    """Share of source→target shortest paths through each node of the undirected ``H``.

    References
    ----------
    Brandes, U. (2008). On variants of shortest-path betweenness centrality and their generic
    computation. *Social Networks* 30(2): 136-145.

    Examples
    --------
    >>> H = nx.path_graph(["school", "X", "leisure"])
    >>> path_shares(H, ["school"], ["leisure"]).shares["X"]
    1.0
    """
    dependencies = pair_dependencies(H, sources, targets, engine=engine)
    connected, pairs = pair_counts(distance_matrix(H, sources, targets, engine=engine), sources, targets)
    eligible = eligible_pairs(connected, sources, targets)
    shares = {v: share_of(d, eligible(v)) for v, d in dependencies.items()}
    return PathShares(
        shares=shares,
        dependencies=dependencies,
        eligible_pairs={v: eligible(v) for v in dependencies},
        connected_pairs=int(connected.sum()),
        pairs=pairs,
    )


def share_of(dependency: float, eligible: int) -> float:
    # Rounding in the engines can leave a dependency a hair above its number of pairs.
    return min(1.0, dependency / eligible) if eligible else 0.0


def pair_counts(
    D: np.ndarray, sources: Sequence[Hashable], targets: Sequence[Hashable]
) -> tuple[np.ndarray, int]:
    """From the source x target distance matrix: which pairs are connected (``s != t`` and
    finite distance), and how many pairs have ``s != t`` at all."""
    number: dict[Hashable, int] = {}
    s_ids = np.array([number.setdefault(s, len(number)) for s in sources], dtype=np.int64)
    t_ids = np.array([number.setdefault(t, len(number)) for t in targets], dtype=np.int64)
    same = s_ids[:, None] == t_ids[None, :]
    return np.isfinite(D) & ~same, int((~same).sum())


def eligible_pairs(
    connected: np.ndarray, sources: Sequence[Hashable], targets: Sequence[Hashable]
) -> Callable[[Hashable], int]:
    """Connected pairs a node is not an end of: all, less its row and its column."""
    total = int(connected.sum())
    rows = dict(zip(sources, connected.sum(axis=1).tolist(), strict=True))
    columns = dict(zip(targets, connected.sum(axis=0).tolist(), strict=True))
    return lambda v: total - rows.get(v, 0) - columns.get(v, 0)


def linked_ends(
    H: nx.Graph, v: Hashable, S: list[str], T: list[str], D: np.ndarray, connected: np.ndarray, engine: Engine
) -> tuple[int, int]:
    """Sources and targets of the connected pairs with a shortest path through ``v``:
    ``d(s, v) + d(v, t) == d(s, t)``, with ``v`` neither ``s`` nor ``t``."""
    dv = distance_matrix(H, [v], [*S, *T], engine=engine)[0]
    to_s, to_t = dv[: len(S)], dv[len(S) :]
    through = connected & (to_s[:, None] + to_t[None, :] == D)
    through &= np.array([s != v for s in S])[:, None] & np.array([t != v for t in T])[None, :]
    return int(through.any(axis=1).sum()), int(through.any(axis=0).sum())
