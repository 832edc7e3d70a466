"""Test-wide fixtures: one real local Neo4j for the whole run, on a free port, in a temporary
folder, stopped at the end (and by itself if the run is killed: it watches its stdin)."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from graphsvc.auth import Role
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.schema import apply_schema
from graphsvc.domain import (
    Actor,
    Area,
    Arena,
    Initiative,
    Kind,
    Network,
    Person,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)
from graphsvc.local_neo4j import LocalServer, free_port, start_child
from graphsvc.services.scope import Scope, command_line_caller, open_scope

_tenants = itertools.count(1)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    settings = Settings(
        NEO4J_URI=None, NEO4J_PASSWORD=None, NEO4J_LOCAL_PAGECACHE_MB=64, NEO4J_LOCAL_HEAP="768m"
    )
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


def scope_for(store: GraphStore, tenant: str, role: Role | str = Role.ADMIN) -> Scope:
    """The scope services are called in: the person at the command line of ``tenant``, as
    an admin unless ``role`` says otherwise."""
    return open_scope(store, command_line_caller(tenant, Role(role)))


@pytest.fixture(scope="session")
async def small_demo(store: GraphStore) -> str:
    """The small demo municipality (seed 2635) in a tenant of its own, loaded once per run for
    the tests that only read it (loading takes a few seconds). Tests must not change it."""
    from graphsvc.services.networks import load_demo

    name = f"demo{os.getpid()}"
    await load_demo(scope_for(store, name), size="small", seed=2635)
    return name


@pytest.fixture
def tenant() -> str:
    """A tenant of its own for each test, so tests never see each other's data."""
    return f"t{os.getpid()}-{next(_tenants)}"


@pytest.fixture
def small_town() -> Callable[[str], Network]:
    """Builds the small hand-made network below for a tenant."""
    return _small_town


def with_marked_names(network: Network, mark: str) -> Network:
    """``network`` with ``mark`` in every name: text that must never show up anywhere else
    (another tenant's answers, say)."""
    return network.model_copy(
        update={"nodes": tuple(n.model_copy(update={"name": f"{n.name} {mark}"}) for n in network.nodes)}
    )


def _small_town(tenant: str) -> Network:
    """Lejre's Hvalsø in miniature: a school, a climbing club, a foundation, one young person,
    a contact person, a target group and an initiative, with a tie of every common type."""
    nodes = (
        Area(id="kommune", tenant=tenant, name="Lejre Kommune", area_type="municipality"),
        Area(id="hvalsoe", tenant=tenant, name="Hvalsø", area_type="town"),
        Actor(
            kind=Kind.MUNICIPAL_UNIT,
            id="school",
            tenant=tenant,
            name="Hvalsø Skole",
            sector=Sector.PUBLIC,
            arenas={Arena.SCHOOL},
            area="hvalsoe",
        ),
        Actor(
            kind=Kind.ASSOCIATION,
            id="club",
            tenant=tenant,
            name="Hvalsø Klatreklub",
            sector=Sector.CIVIL_SOCIETY,
            arenas={Arena.LEISURE},
            area="hvalsoe",
        ),
        Actor(
            kind=Kind.ORGANISATION, id="fund", tenant=tenant, name="Helsefonden", sector=Sector.PHILANTHROPY
        ),
        YoungPerson(
            id="yp-1",
            tenant=tenant,
            name="Blå Ræv",
            age_band="12-14",
            challenges={"loneliness"},
            area="hvalsoe",
        ),
        Person(id="p-1", tenant=tenant, name="Mette Jensen", role="Formand", email="mette@example.dk"),
        TargetGroup(
            id="tg",
            tenant=tenant,
            name="Ensomme 12-17-årige i Hvalsø",
            criteria_age_bands={"12-14", "15-17"},
            criteria_areas={"hvalsoe"},
            criteria_challenges={"loneliness"},
        ),
        Initiative(id="plusdig", tenant=tenant, name="+DIG"),
    )
    ties = (
        Tie(type=TieType.PART_OF, source="hvalsoe", target="kommune"),
        Tie(type=TieType.ATTENDS, source="yp-1", target="school"),
        Tie(
            type=TieType.COLLABORATES_WITH,
            source="school",
            target="club",
            strength=3,
            since=2025,
            frequency="monthly",
        ),
        Tie(type=TieType.REFERS_TO, source="school", target="club"),
        Tie(type=TieType.VOLUNTEERS_AT, source="p-1", target="club"),
        Tie(type=TieType.PARTICIPATES_IN, source="club", target="plusdig", role="partner"),
        Tie(type=TieType.FUNDS, source="fund", target="plusdig"),
        Tie(type=TieType.TARGETS, source="plusdig", target="tg"),
        Tie(type=TieType.INCLUDED_IN, source="yp-1", target="tg"),
    )
    return Network(tenant=tenant, nodes=nodes, ties=ties)
