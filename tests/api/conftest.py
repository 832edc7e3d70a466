"""The API served over real HTTP by uvicorn, in a thread, against the test Neo4j."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from graphsvc.api import create_app
from graphsvc.config import Settings
from graphsvc.local_neo4j import free_port


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test runner owns the signals
        pass


@pytest.fixture(scope="session")
def api_app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def api_url(api_app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = _Server(uvicorn.Config(api_app, host="127.0.0.1", port=port,
                                    log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as http:
        yield http


GraphQL = Callable[..., dict[str, Any]]


@pytest.fixture
def graphql(client: httpx.Client) -> GraphQL:
    """Post one GraphQL operation (``tenant`` goes in the header) and return the JSON body."""

    def post(query: str, tenant: str | None = None, **variables: object) -> dict[str, Any]:
        headers = {"X-Graphsvc-Tenant": tenant} if tenant else {}
        response = client.post("/graphql", json={"query": query, "variables": variables},
                               headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return post
