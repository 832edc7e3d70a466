"""The two towns (``tests/maps/towns.py``) as projections for the map tests."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import network_to_graph
from tests.maps.towns import two_towns


@pytest.fixture(scope="session")
def towns() -> nx.DiGraph:
    """The projection of :func:`two_towns` (read-only)."""
    return network_to_graph(two_towns())


@pytest.fixture(scope="session")
def hostile_towns() -> nx.DiGraph:
    return network_to_graph(two_towns(hostile=True))
