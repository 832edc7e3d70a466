"""Gould & Fernandez (1989) brokerage roles, counted by hand on small digraphs."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graphsvc.analytics import BrokerageCounts, BrokerageRole, brokerage_roles


def _roles_of_b(groups: str) -> BrokerageCounts:
    """The triad a -> b -> c with the groups of a, b and c given as three letters."""
    D = nx.DiGraph([("a", "b"), ("b", "c")])
    return brokerage_roles(D, dict(zip("abc", groups, strict=True)))["b"]


def test_coordinator() -> None:
    assert _roles_of_b("PPP") == BrokerageCounts(coordinator=1)


def test_itinerant() -> None:
    assert _roles_of_b("PQP") == BrokerageCounts(itinerant=1)


def test_representative() -> None:
    assert _roles_of_b("PPQ") == BrokerageCounts(representative=1)


def test_gatekeeper() -> None:
    assert _roles_of_b("PQQ") == BrokerageCounts(gatekeeper=1)


def test_liaison() -> None:
    assert _roles_of_b("PQR") == BrokerageCounts(liaison=1)


def test_a_direct_tie_closes_the_triad() -> None:
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    assert brokerage_roles(D, {"a": "X", "b": "Y", "c": "Y"})["b"].total == 0


def test_mutual_ties_count_each_direction() -> None:
    # a <-> b <-> c: b brokers a -> c and c -> a, both between members of group X.
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")])
    counts = brokerage_roles(D, {"a": "X", "b": "Y", "c": "X"})
    assert counts["b"] == BrokerageCounts(itinerant=2)
    assert counts["a"].total == 0  # a's only successor is b, its only predecessor


def test_worked_example() -> None:
    # 1 -> 3, 2 -> 3, 3 -> 4, 3 -> 5, and 1 -> 4 closes (1, 4).
    # Groups 1: X, 2: Y, 3: Y, 4: X, 5: Y. Node 3 brokers (1, 5): X->Y->Y gatekeeper,
    # (2, 4): Y->Y->X representative, (2, 5): Y->Y->Y coordinator.
    D = nx.DiGraph([(1, 3), (2, 3), (3, 4), (3, 5), (1, 4)])
    counts = brokerage_roles(D, {1: "X", 2: "Y", 3: "Y", 4: "X", 5: "Y"}, nodes=[3])
    assert counts == {3: BrokerageCounts(coordinator=1, representative=1, gatekeeper=1)}
    assert counts[3].main_role() is BrokerageRole.COORDINATOR  # ties go in the enum's order


def _brute_force(D: nx.DiGraph, groups: dict[int, str]) -> dict[int, dict[str, int]]:
    out = {}
    for b in D:
        counts = dict.fromkeys((r.value for r in BrokerageRole), 0)
        for a in D.predecessors(b):
            for c in D.successors(b):
                if len({a, b, c}) < 3 or D.has_edge(a, c):
                    continue
                ga, gb, gc = groups[a], groups[b], groups[c]
                if ga == gc:
                    role = "coordinator" if ga == gb else "itinerant"
                else:
                    role = "representative" if ga == gb else "gatekeeper" if gb == gc else "liaison"
                counts[role] += 1
        out[b] = counts
    return out


@pytest.mark.parametrize("seed", range(5))
def test_matches_a_triad_by_triad_count(seed: int) -> None:
    D = nx.gnp_random_graph(30, 0.15, seed=seed, directed=True)
    rng = random.Random(seed)
    groups = {n: rng.choice("XYZ") for n in D}
    ours = brokerage_roles(D, groups)
    expected = _brute_force(D, groups)
    for n in D:
        assert {r.value: getattr(ours[n], r.value) for r in BrokerageRole} == expected[n]


def test_needs_directed_ties() -> None:
    with pytest.raises(ValueError, match="directed"):
        brokerage_roles(nx.Graph([(1, 2)]), {})
