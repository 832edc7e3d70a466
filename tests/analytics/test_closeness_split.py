"""Closeness shared with a child process gives exactly what one igraph call gives, in the
order asked, and falls back to this process when the child fails."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import closeness_split
from graphsvc.analytics.engines import as_igraph


@pytest.fixture
def graph() -> object:
    # Two components of different sizes, so that closeness differs from node to node.
    G = nx.disjoint_union(nx.barabasi_albert_graph(300, 2, seed=7), nx.path_graph(40))
    return as_igraph(G).graph


def test_shared_with_a_child_equals_one_call(graph: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(closeness_split, "SPLIT_WORK", 0)
    vertices = list(range(0, 340, 3))[::-1]  # not in index order
    expected = graph.closeness(vertices=vertices, mode="all", normalized=True)  # type: ignore[attr-defined]
    assert closeness_split.closeness(graph, vertices) == expected


def test_a_failing_child_is_replaced_by_this_process(graph: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(closeness_split, "SPLIT_WORK", 0)
    monkeypatch.setattr(closeness_split, "_CHILD", "import sys; sys.stdin.buffer.read(); sys.exit(3)")
    vertices = list(range(50))
    expected = graph.closeness(vertices=vertices, mode="all", normalized=True)  # type: ignore[attr-defined]
    assert closeness_split.closeness(graph, vertices) == expected


def test_small_work_stays_in_this_process(graph: object, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("no child process for a small graph")

    monkeypatch.setattr(closeness_split.subprocess, "Popen", no_child)
    assert len(closeness_split.closeness(graph, list(range(340)))) == 340
