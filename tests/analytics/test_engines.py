"""The igraph fast path computes what NetworkX computes."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from graphsvc.analytics.engines import (
    betweenness,
    distance_matrix,
    igraph_available,
    pair_dependencies,
    resolve_engine,
)

pytestmark = pytest.mark.skipif(not igraph_available(), reason="igraph is not installed")


def _graphs() -> list[nx.Graph]:
    sparse = nx.gnp_random_graph(60, 0.05, seed=7)  # several components
    labelled = nx.relabel_nodes(nx.karate_club_graph(), lambda n: f"n{n}")
    return [nx.florentine_families_graph(), labelled, sparse]


@pytest.mark.parametrize("G", _graphs())
def test_pair_dependencies_agree(G: nx.Graph) -> None:
    nodes = sorted(G, key=str)
    rng = random.Random(1)
    sources, targets = rng.sample(nodes, 6), rng.sample(nodes, 9)  # they may overlap
    a = pair_dependencies(G, sources, targets, engine="networkx")
    b = pair_dependencies(G, sources, targets, engine="igraph")
    for v in G:
        assert a[v] == pytest.approx(b[v], abs=1e-9)


@pytest.mark.parametrize("G", _graphs())
def test_betweenness_agrees_exact_and_sampled(G: nx.Graph) -> None:
    exact_nx = betweenness(G, engine="networkx")
    exact_ig = betweenness(G, engine="igraph")
    reference = nx.betweenness_centrality(G)
    sample = random.Random(3).sample(sorted(G, key=str), 10)
    sampled_nx = betweenness(G, sources=sample, engine="networkx")
    sampled_ig = betweenness(G, sources=sample, engine="igraph")
    for v in G:
        assert exact_nx[v] == pytest.approx(reference[v], abs=1e-12)
        assert exact_ig[v] == pytest.approx(reference[v], abs=1e-12)
        assert sampled_ig[v] == pytest.approx(sampled_nx[v], abs=1e-12)


def test_sampling_every_node_is_exact() -> None:
    G = nx.karate_club_graph()
    everyone = betweenness(G, sources=list(G), engine="igraph")
    exact = nx.betweenness_centrality(G)
    assert all(everyone[v] == pytest.approx(exact[v]) for v in G)


def test_distance_matrix_agrees_with_repeated_targets() -> None:
    G = nx.gnp_random_graph(40, 0.06, seed=2)
    sources, targets = [0, 1, 2, 3], [3, 4, 5, 3, 39]  # 3 twice, and in both lists
    a = distance_matrix(G, sources, targets, engine="networkx")
    b = distance_matrix(G, sources, targets, engine="igraph")
    assert a.shape == b.shape == (4, 5)
    assert np.array_equal(np.isinf(a), np.isinf(b))
    assert np.array_equal(a[np.isfinite(a)], b[np.isfinite(b)])
    assert a[3, 0] == 0  # node 3 to itself
    assert np.array_equal(b[:, 0], b[:, 3])  # the repeated target gets its column twice


def test_engine_names() -> None:
    assert resolve_engine("auto") == "igraph"
    with pytest.raises(ValueError):
        resolve_engine("gephi")  # type: ignore[arg-type]
