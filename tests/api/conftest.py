"""The API served over real HTTP by uvicorn, in a thread, against the test Neo4j."""

from __future__ import annotations

import asyncio
import itertools
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from graphsvc.api import create_app
from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.local_neo4j import free_port

_users = itertools.count(1)


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test runner owns the signals
        pass


@pytest.fixture(scope="session")
def api_app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def api_url(api_app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = _Server(uvicorn.Config(api_app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
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


Tokens = Callable[..., str]


@pytest.fixture(scope="session")
def token_for(settings: Settings) -> Tokens:
    """A bearer token for a new user of ``tenant`` with ``role`` (one per tenant and role,
    made through the same code as `graphsvc users add`)."""
    made: dict[tuple[str, str], str] = {}

    async def make(tenant: str, role: str) -> str:
        async with opened(settings) as store:
            # Unique even when another conftest imports these fixtures (a second counter).
            name = f"{role}-{next(_users)}-{secrets.token_hex(3)}"
            issued = await add_user(store, tenant, name, role)
        return issued.secret

    def token(tenant: str, role: str = "coordinator") -> str:
        if (tenant, role) not in made:
            # A thread of its own: async tests call this with their event loop running.
            with ThreadPoolExecutor(1) as pool:
                made[(tenant, role)] = pool.submit(asyncio.run, make(tenant, role)).result()
        return made[(tenant, role)]

    return token


Headers = Callable[..., dict[str, str]]


@pytest.fixture
def auth(token_for: Tokens, settings: Settings) -> Headers:
    """Headers signing a request in as a user of ``tenant`` (default: the default tenant)."""

    def headers(tenant: str | None = None, role: str = "coordinator") -> dict[str, str]:
        return {"Authorization": f"Bearer {token_for(tenant or settings.default_tenant, role)}"}

    return headers


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as http:
        yield http


GraphQL = Callable[..., dict[str, Any]]


@pytest.fixture
def graphql(client: httpx.Client, auth: Headers) -> GraphQL:
    """Post one GraphQL operation as a user of ``tenant`` (a coordinator unless ``as_role``
    says otherwise; the tenant also goes in the header) and return the JSON body."""

    def post(
        query: str, tenant: str | None = None, as_role: str = "coordinator", **variables: object
    ) -> dict[str, Any]:
        headers = auth(tenant, as_role) | ({"X-Graphsvc-Tenant": tenant} if tenant else {})
        response = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return post
