"""Where each node goes: a seeded layout computed once, on the server, grouped by area.

The browser gets finished coordinates and draws them with physics off, so a 3,000-node map
appears at once and never wobbles, and the same data always give the same picture.

Method
------
* Nodes with ties are grouped by the area they are located in (nodes with no area form one
  group of their own). Each group is laid out by Fruchterman–Reingold (igraph's C
  implementation) on the ties inside it; then the groups, as discs sized by their number of
  nodes, are placed by the same method on the graph of ties between groups and pushed apart
  until no two overlap. Towns come out as neighbourhoods of the picture, which is how a
  coordinator reads a municipality, and the work is the sum of the groups' squares rather
  than the square of the whole (a medium municipality: about a tenth).
* A map whose tied nodes share one area is laid out in one piece.
* igraph draws random numbers from one process-wide generator even when given start
  positions; it is replaced by a seeded one for each call, under the same lock the analytics
  use for it, so the result is reproducible and concurrent jobs do not disturb each other.
* Nodes without ties on the map go in a grid below the rest (sorted by the caller's key),
  where they are easy to find instead of being flung to the edges.
* Coordinates are scaled so the typical distance between neighbours is about the same
  whatever the number of nodes (vis-network pixels, :data:`SPACING` per node).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

# igraph's random generator is process-wide: share the analytics' lock for replacing it.
from graphsvc.analytics.communities import _IGRAPH_RNG
from graphsvc.analytics.engines import igraph, igraph_available

__all__ = ["SPACING", "layout", "radial_layout"]

# The map area of a page or slide is wider than tall (1920×1080 less the side panel): a
# whole network is stretched to about this width over height so that it fills the frame.
FRAME_ASPECT = 1.5

SPACING = 100.0  # pixels per node along the side of the square a group fills
_GRID = 60.0  # pixels between nodes in the grid of nodes without ties
_NO_AREA = "\x00"  # the group of nodes with no area (no area id can be this)


def layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    area_of: Mapping[str, str | None],
    seed: int = 0,
    sort_key: Callable[[str], Any] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (see the module docstring).

    Parameters
    ----------
    nodes : sequence of str
        Node ids; their order does not matter (they are sorted first).
    edges : sequence of (str, str)
        Ties between them.
    area_of : mapping
        Each node's area id (or ``None``): nodes of one area are drawn together.
    seed : int
        Same nodes, edges, areas and seed: same positions.
    sort_key : callable, optional
        Order of the nodes without ties in their grid (default: id).
    """
    order = sorted(nodes)
    index = {node: i for i, node in enumerate(order)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in edges if u != v})
    tied = sorted({i for pair in pairs for i in pair})
    group_of = [area_of.get(order[i]) or _NO_AREA for i in range(len(order))]
    coords = np.zeros((len(order), 2))
    bottom = 0.0
    if tied:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in tied:
            groups[group_of[i]].append(i)
        if len(groups) == 1:
            coords[tied] = _force_directed(len(tied), _local(pairs, tied), seed=seed, half=_half(len(tied)))
        else:
            _grouped(coords, groups, pairs, group_of, seed)
        coords[tied] -= np.median(coords[tied], axis=0)
        coords[tied] = _fill_frame(coords[tied])
        bottom = float(coords[tied, 1].max()) + 2 * _GRID
    positions = {order[i]: (round(float(coords[i, 0]), 1), round(float(coords[i, 1]), 1)) for i in tied}
    tied_set = set(tied)
    alone = [order[i] for i in range(len(order)) if i not in tied_set]
    if sort_key is not None:
        alone.sort(key=sort_key)  # type: ignore[arg-type]
    positions.update(_grid(alone, top=bottom))
    return positions


def radial_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    centre: str,
    sort_key: Callable[[str], Any] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions for an ego map: ``centre`` in the middle, everyone one tie away on the first
    ring, two ties away on the second, and so on; nodes not reached go in a grid below.

    On the first ring nodes follow ``sort_key`` (so sectors sit together as wedges); on the
    next, each follows the mean angle of its neighbours on the ring inside it, so a partner's
    partners sit just outside it. A ring's radius grows with the nodes it holds.

    >>> p = radial_layout(["c", "a", "b"], [("c", "a"), ("a", "b")], centre="c")
    >>> p["c"], round(math.dist(p["a"], p["c"])) < round(math.dist(p["b"], p["c"]))
    ((0.0, 0.0), True)
    """
    key = sort_key or (lambda n: n)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for u, v in edges:
        if u != v:
            neighbours[u].add(v)
            neighbours[v].add(u)
    step = {centre: 0}
    rings: list[list[str]] = [[centre]]
    while True:
        outer = sorted({m for n in rings[-1] for m in neighbours[n] if m not in step}, key=key)
        if not outer:
            break
        for n in outer:
            step[n] = len(rings)
        rings.append(outer)
    positions = {centre: (0.0, 0.0)}
    angle: dict[str, float] = {centre: 0.0}
    radius = 0.0
    for k, ring in enumerate(rings[1:], start=1):
        if k > 1:

            def inner(n: str, k: int = k) -> float:
                seen = [angle[m] for m in neighbours[n] if step.get(m) == k - 1]
                return math.atan2(sum(map(math.sin, seen)), sum(map(math.cos, seen)))

            ring = sorted(ring, key=lambda n: (inner(n), key(n)))
        # Each ring at least SPACING out from the last, and wide enough for its nodes.
        radius = max(radius + 2 * SPACING, len(ring) * SPACING * 0.9 / (2 * math.pi))
        start = -math.pi / 2  # the first node at the top
        for j, n in enumerate(ring):
            a = start + 2 * math.pi * j / len(ring)
            angle[n] = a
            positions[n] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    alone = sorted((n for n in nodes if n not in positions), key=key)
    positions.update(_grid(alone, top=radius + 2 * _GRID))
    return positions


def _fill_frame(coords: np.ndarray) -> np.ndarray:
    """``coords`` widened (or heightened) to about :data:`FRAME_ASPECT`, keeping the area."""
    spread = np.percentile(coords, 98, axis=0) - np.percentile(coords, 2, axis=0)
    if spread[0] <= 0 or spread[1] <= 0:
        return coords
    factor = math.sqrt(FRAME_ASPECT / (float(spread[0]) / float(spread[1])))
    factor = min(max(factor, 0.5), 2.0)
    return coords * np.array([factor, 1.0 / factor])


def _half(n: int) -> float:
    """Half the side of the square ``n`` nodes fill."""
    return max(250.0, SPACING * math.sqrt(n) / 2)


def _local(pairs: Sequence[tuple[int, int]], members: Sequence[int]) -> list[tuple[int, int]]:
    """``pairs`` among ``members``, renumbered 0..len(members)-1."""
    position = {node: k for k, node in enumerate(members)}
    return [(position[u], position[v]) for u, v in pairs if u in position and v in position]


def _grouped(
    coords: np.ndarray,
    groups: Mapping[str, list[int]],
    pairs: Sequence[tuple[int, int]],
    group_of: Sequence[str],
    seed: int,
) -> None:
    names = sorted(groups)
    radius = np.array([_half(len(groups[g])) * 1.15 for g in names])
    between: Counter[tuple[int, int]] = Counter()
    number = {g: k for k, g in enumerate(names)}
    for u, v in pairs:
        a, b = number[group_of[u]], number[group_of[v]]
        if a != b:
            between[min(a, b), max(a, b)] += 1
    centres = _force_directed(
        len(names), list(between), seed=seed, half=1.0, weights=[math.log1p(w) for w in between.values()]
    )
    centres = _apart(centres * 2 * float(radius.mean()), radius)
    for k, g in enumerate(names):
        members = groups[g]
        local = _force_directed(
            len(members), _local(pairs, members), seed=seed + k + 1, half=_half(len(members))
        )
        coords[members] = local + centres[k]


def _force_directed(
    n: int,
    pairs: Sequence[tuple[int, int]],
    *,
    seed: int,
    half: float,
    weights: Sequence[float] | None = None,
) -> np.ndarray:
    """Fruchterman–Reingold positions of ``n`` nodes, centred, scaled so that 98 % of them
    fall within ``±half`` (a few far-flung nodes do not squeeze the rest together)."""
    rng = np.random.default_rng(seed)
    start = rng.normal(0.0, 1.0, size=(n, 2))
    if n < 2 or not igraph_available():
        return start * (half if n > 1 else 0.0)
    ig = igraph()
    graph = ig.Graph(n=n, edges=list(pairs))
    # Each iteration costs n² steps: big groups get fewer (at least 50), so that a whole
    # municipality is laid out in about a second; small maps get the full 300.
    iterations = max(50, min(300, 6_000_000 // (n * n)))
    with _IGRAPH_RNG:
        ig.set_random_number_generator(random.Random(seed))
        try:
            placed = graph.layout_fruchterman_reingold(
                seed=start.tolist(),
                niter=iterations,
                grid=False,
                weights=list(weights) if weights is not None and pairs else None,
            )
        finally:
            ig.set_random_number_generator(random)
    result = np.asarray(placed.coords, dtype=float)
    result -= np.median(result, axis=0)
    reach = float(np.percentile(np.abs(result), 98))
    return result * (half / reach) if reach > 0 else result


def _apart(centres: np.ndarray, radius: np.ndarray, *, rounds: int = 200) -> np.ndarray:
    """Move discs (``centres``, ``radius``) apart until none overlap: each round, every
    overlapping pair is pushed apart along the line between them, by half the overlap each."""
    centres = centres.copy()
    gap = 0.1 * float(radius.mean())
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2))
        needed = radius[:, None] + radius[None, :] + gap
        np.fill_diagonal(needed, 0.0)
        overlap = np.clip(needed - distance, 0.0, None)
        if not overlap.any():
            break
        np.fill_diagonal(distance, 1.0)
        # Coincident centres part along the x axis, the lower index to the left.
        order = np.arange(len(centres))
        fallback = np.sign(order[:, None] - order[None, :])[:, :, None] * np.array([1.0, 0.0])
        direction = np.where(distance[:, :, None] > 1e-9, delta / distance[:, :, None], fallback)
        centres += 0.5 * (overlap[:, :, None] * direction).sum(axis=1)
    return centres


def _grid(names: list[str], *, top: float) -> dict[str, tuple[float, float]]:
    if not names:
        return {}
    columns = max(1, math.ceil(math.sqrt(len(names) * 3)))
    width = (min(columns, len(names)) - 1) * _GRID
    return {
        name: (round(-width / 2 + (k % columns) * _GRID, 1), round(top + (k // columns) * _GRID, 1))
        for k, name in enumerate(names)
    }
