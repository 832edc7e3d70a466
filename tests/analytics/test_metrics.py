"""Node metrics: Padgett's Florentine families, sampling, restriction by kind and sector."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import centralities, node_metrics
from graphsvc.analytics.engines import igraph_available

ENGINES = [
    "networkx",
    pytest.param(
        "igraph", marks=pytest.mark.skipif(not igraph_available(), reason="igraph is not installed")
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_florentine_families(engine: str) -> None:
    G = nx.florentine_families_graph()
    metrics, sampled = centralities(G, engine=engine)
    assert sampled is None
    medici = metrics["Medici"]
    assert medici.betweenness == pytest.approx(0.522, abs=1e-3)  # Padgett & Ansell's broker
    assert medici.degree == 6
    assert medici.closeness == pytest.approx(nx.closeness_centrality(G, "Medici"))
    eigen = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10)
    assert medici.eigenvector == pytest.approx(eigen["Medici"], abs=1e-5)
    assert medici.constraint == pytest.approx(nx.constraint(G, nodes=["Medici"])["Medici"])
    assert max(metrics, key=lambda v: metrics[v].betweenness) == "Medici"


@pytest.mark.skipif(not igraph_available(), reason="igraph is not installed")
def test_engines_agree_on_graphs_in_several_components() -> None:
    G = nx.disjoint_union(nx.karate_club_graph(), nx.path_graph(5))
    G.add_node("alone")
    a, _ = centralities(G, engine="networkx")
    b, _ = centralities(G, engine="igraph")
    for v in G:
        assert a[v].betweenness == pytest.approx(b[v].betweenness, abs=1e-12)
        assert a[v].closeness == pytest.approx(b[v].closeness, abs=1e-12)
        assert (a[v].eigenvector or 0) == pytest.approx(b[v].eigenvector or 0, abs=1e-5)


def test_sampled_betweenness_states_its_bound(tiny: nx.DiGraph) -> None:
    exact = node_metrics(tiny, betweenness_k=None, engine="networkx")
    assert exact.betweenness_exact and exact.betweenness_error == 0
    sampled = node_metrics(tiny, betweenness_k=5, seed=4, engine="networkx")
    assert not sampled.betweenness_exact and sampled.betweenness_sources == 5
    n = 16  # actors and young people
    assert sampled.betweenness_error == pytest.approx(n / (n - 1) * (3.6889 / 10) ** 0.5, abs=1e-3)
    assert "within ±" in sampled.sentence and "95% confidence" in sampled.sentence
    again = node_metrics(tiny, betweenness_k=5, seed=4, engine="networkx")
    assert [m.metrics for m in again.nodes] == [m.metrics for m in sampled.nodes]


def test_restricted_to_a_kind_or_sector(tiny: nx.DiGraph) -> None:
    unions = node_metrics(tiny, kind="Association")
    assert {m.node for m in unions.nodes} == {"assoc-fodbold", "assoc-spejder"}
    between = [m.metrics.betweenness for m in unions.nodes]
    assert between == sorted(between, reverse=True)
    public = node_metrics(tiny, sector="public", include_young_people=False)
    assert public.nodes[0].node == "club-by"
    assert {m.node for m in public.nodes} == {
        "school-by",
        "school-by-2",
        "school-landsby",
        "unit-ppr",
        "club-by",
    }
