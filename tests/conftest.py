"""Test-wide fixtures: one real local Neo4j for the whole run, on a free port, in a temporary
folder, stopped at the end (and by itself if the run is killed: it watches its stdin)."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import LocalServer, free_port, start_child

_tenants = itertools.count(1)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    settings = Settings(NEO4J_URI=None, NEO4J_PASSWORD=None, NEO4J_LOCAL_PAGECACHE_MB=64,
                        NEO4J_LOCAL_HEAP="768m")
    server = start_child(settings, data_dir=tmp_path_factory.mktemp("neo4j"), port=free_port())
    yield server
    server.stop()


@pytest.fixture(scope="session")
def settings(neo4j_server: LocalServer, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings pointing at the test Neo4j."""
    return Settings(
        NEO4J_URI=neo4j_server.uri,
        NEO4J_PASSWORD=None,
        GRAPHSVC_DATA_DIR=Path(tmp_path_factory.mktemp("unused-data")),
    )


@pytest.fixture(scope="session")
async def store(settings: Settings) -> AsyncIterator[GraphStore]:
    graph_store = GraphStore.connect(settings)
    await apply_schema(graph_store)
    yield graph_store
    await graph_store.close()


@pytest.fixture
def tenant() -> str:
    """A tenant of its own for each test, so tests never see each other's data."""
    return f"t{os.getpid()}-{next(_tenants)}"
