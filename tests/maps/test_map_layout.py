"""The server-side layout: reproducible, areas drawn together, no overlapping areas, and nodes
without ties set apart."""

from __future__ import annotations

import itertools
import math

import pytest

from graphsvc.maps.layout import layout


def _town(prefix: str, n: int) -> tuple[list[str], list[tuple[str, str]]]:
    """``n`` nodes in a ring with a few chords: a town's network."""
    names = [f"{prefix}-{i:02d}" for i in range(n)]
    edges = [(names[i], names[(i + 1) % n]) for i in range(n)]
    edges += [(names[i], names[(i + 5) % n]) for i in range(0, n, 3)]
    return names, edges


def _towns() -> tuple[list[str], list[tuple[str, str]], dict[str, str | None]]:
    nodes: list[str] = []
    edges: list[tuple[str, str]] = []
    area_of: dict[str, str | None] = {}
    for town in ("a", "b", "c"):
        names, ties = _town(town, 30)
        nodes += names
        edges += ties
        area_of.update(dict.fromkeys(names, f"area-{town}"))
    edges += [("a-00", "b-00"), ("b-10", "c-10")]  # a few ties between towns
    nodes.append("hub")  # a municipality-wide unit with no area
    edges += [("hub", "a-05"), ("hub", "c-05")]
    area_of["hub"] = None
    nodes += ["alone-1", "alone-2"]
    return nodes, edges, area_of


def _centre(positions: dict[str, tuple[float, float]], names: list[str]) -> tuple[float, float]:
    return (
        sum(positions[n][0] for n in names) / len(names),
        sum(positions[n][1] for n in names) / len(names),
    )


def test_every_node_gets_a_place_and_the_same_input_the_same_places() -> None:
    nodes, edges, area_of = _towns()
    first = layout(nodes, edges, area_of=area_of, seed=3)
    assert set(first) == set(nodes)
    assert layout(list(reversed(nodes)), list(reversed(edges)), area_of=area_of, seed=3) == first
    assert layout(nodes, edges, area_of=area_of, seed=4) != first


def test_towns_are_drawn_apart() -> None:
    nodes, edges, area_of = _towns()
    positions = layout(nodes, edges, area_of=area_of)
    towns = {t: [n for n in nodes if area_of.get(n) == f"area-{t}"] for t in "abc"}
    spread = {
        t: max(math.dist(positions[n], _centre(positions, names)) for n in names)
        for t, names in towns.items()
    }
    for (t, a), (u, b) in itertools.combinations(towns.items(), 2):
        # Each town's nodes lie closer to their own centre than the other town's centre is.
        distance = math.dist(_centre(positions, a), _centre(positions, b))
        assert distance > max(spread[t], spread[u]), (t, u)


def test_nodes_without_ties_sit_in_a_grid_below_in_the_given_order() -> None:
    nodes, edges, area_of = _towns()
    positions = layout(nodes, edges, area_of=area_of, sort_key=lambda n: -int(n[-1]))
    bottom = max(y for n, (_, y) in positions.items() if not n.startswith("alone"))
    assert positions["alone-1"][1] > bottom
    assert positions["alone-1"][1] == positions["alone-2"][1]
    assert positions["alone-2"][0] < positions["alone-1"][0]  # the sort key put 2 first


@pytest.mark.parametrize("count", [0, 1, 2])
def test_tiny_maps(count: int) -> None:
    nodes = [f"n{i}" for i in range(count)]
    edges = [("n0", "n1")] if count == 2 else []
    positions = layout(nodes, edges, area_of={})
    assert set(positions) == set(nodes)
    if count == 2:
        assert positions["n0"] != positions["n1"]
