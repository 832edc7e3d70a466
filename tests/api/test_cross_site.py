"""A change signed in by the session cookie must come from graphsvc's own pages: a forged form
post from another origin (another port of the same host counts) changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from tests.api.conftest import Tokens

pytestmark = pytest.mark.neo4j

CREATE = 'mutation { createArea(input: {name: "Forfalsket"}) { __typename ... on Area { id } } }'
AREAS = '{ areas(filter: {search: "Forfalsket"}) { totalCount } }'


@contextmanager
def _signed_in(api_url: str, token: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as browser:
        assert browser.post("/auth/session", json={"token": token}).status_code == 200
        yield browser


def _multipart_post(browser: httpx.Client, origin: str | None) -> httpx.Response:
    """What an HTML form on another page can send: multipart, with no file at all."""
    headers = {"Origin": origin} if origin else {}
    return browser.post(
        "/graphql",
        headers=headers,
        data={"operations": json.dumps({"query": CREATE, "variables": {}}), "map": "{}"},
        files={"unused": ("", b"")},
    )


def test_a_forged_cross_site_post_changes_nothing(api_url: str, token_for: Tokens, tenant: str) -> None:
    with _signed_in(api_url, token_for(tenant, "coordinator")) as browser:
        for origin in (
            "http://evil.example",
            api_url.replace("127.0.0.1", "localhost"),
            api_url.rsplit(":", 1)[0] + ":1",
            "null",
            None,
        ):
            forged = _multipart_post(browser, origin)
            assert forged.status_code == 403, (origin, forged.text)
            assert "another origin" in forged.json()["detail"]
        upload = browser.post(
            "/imports",
            headers={"Origin": "http://evil.example"},
            files={"file": ("a.csv", b"navn;sektor\nForfalsket;civil\n")},
        )
        assert upload.status_code == 403
        counted = browser.post("/graphql", headers={"Origin": api_url}, json={"query": AREAS})
        assert counted.json()["data"]["areas"]["totalCount"] == 0
        # Signing out is no harm from anywhere; the pages' own request, from graphsvc's
        # origin, goes through.
        own = browser.post("/graphql", headers={"Origin": api_url}, json={"query": CREATE})
        assert own.json()["data"]["createArea"]["__typename"] == "Area"


def test_api_clients_with_a_bearer_token_are_not_pages(
    client: httpx.Client, token_for: Tokens, tenant: str
) -> None:
    answer = client.post(
        "/graphql",
        json={"query": AREAS},
        headers={"Authorization": f"Bearer {token_for(tenant, 'viewer')}", "Origin": "http://elsewhere"},
    )
    assert answer.status_code == 200 and answer.json()["data"]["areas"]["totalCount"] == 0
