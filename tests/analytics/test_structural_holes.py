"""Burt's constraint and effective size: Borgatti's (1997) example by hand, and NetworkX."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import structural_holes


def borgatti_1997() -> nx.Graph:
    """The example of Borgatti (1997), "Structural holes: unpacking Burt's redundancy
    measures": ego G with six alters A-F, four ties among them (A-B, A-E, A-F, B-D)."""
    return nx.Graph(
        [
            ("A", "B"),
            ("A", "F"),
            ("A", "G"),
            ("A", "E"),
            ("E", "G"),
            ("F", "G"),
            ("B", "G"),
            ("B", "D"),
            ("D", "G"),
            ("G", "C"),
        ]
    )


def test_borgatti_example_by_hand() -> None:
    holes = structural_holes(borgatti_1997())
    # Effective size n - 2t/n: G has n = 6 alters and t = 4 ties among them; A has n = 4
    # (B, E, F, G) and t = 3 (B-G, E-G, F-G); C has a single alter.
    assert holes["G"].effective_size == pytest.approx(6 - 2 * 4 / 6)  # 4.667
    assert holes["A"].effective_size == pytest.approx(4 - 2 * 3 / 4)  # 2.5
    assert holes["C"].effective_size == 1
    assert holes["G"].efficiency == pytest.approx((6 - 8 / 6) / 6)
    # Constraint on G: p = 1/6 to each alter; degrees A 4, B 3, D 2, E 2, F 2.
    # c(G, A) = (1/6 + 1/6 * (1/3 + 1/2 + 1/2))^2 = (7/18)^2   via B, E, F
    # c(G, B) = (1/6 + 1/6 * (1/4 + 1/2))^2        = (7/24)^2   via A, D
    # c(G, C) = (1/6)^2;  c(G, D) = (1/6 + 1/18)^2 = (2/9)^2    via B
    # c(G, E) = c(G, F) = (1/6 + 1/24)^2           = (5/24)^2   via A
    by_hand = (7 / 18) ** 2 + (7 / 24) ** 2 + (1 / 6) ** 2 + (2 / 9) ** 2 + 2 * (5 / 24) ** 2
    assert holes["G"].constraint == pytest.approx(by_hand)
    assert holes["G"].constraint == pytest.approx(0.400, abs=1e-3)
    assert holes["C"].constraint == 1.0


def test_isolated_nodes_are_undefined() -> None:
    G = borgatti_1997()
    G.add_node("alone")
    assert structural_holes(G, nodes=["alone"])["alone"].constraint is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_networkx(seed: int) -> None:
    G = nx.gnp_random_graph(40, 0.12, seed=seed)
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    ours = structural_holes(G)
    constraint = nx.constraint(G)
    effective = nx.effective_size(G)
    for v in G:
        assert ours[v].constraint == pytest.approx(constraint[v], abs=1e-12)
        assert ours[v].effective_size == pytest.approx(effective[v], abs=1e-12)


def test_only_the_asked_nodes_are_computed() -> None:
    assert set(structural_holes(borgatti_1997(), nodes=["A", "G"])) == {"A", "G"}
