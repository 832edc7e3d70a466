"""Requests that would cost too much are refused at once, naming the limit, and never hold up
anyone else: the fragment fan-out (a billion fields once expanded), nested lists of ties, and
many analytics jobs under aliases."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.api.conftest import GraphQL, Headers

pytestmark = pytest.mark.neo4j

FAN_OUT = (
    "query { ...F0 } fragment F0 on Query { actorCounts { count } "
    + "".join(
        f"...F{i + 1} " * 10 + f"}} fragment F{i + 1} on Query {{ actorCounts {{ count }} " for i in range(8)
    )
    + "}"
)
NESTED = (
    "{ actors(first: 20) { edges { node { ties { other { ties { other { ties { other { id } } } } } } } } } }"
)
ALIASED_JOBS = (
    "{ "
    + " ".join(f'g{i}: gapReport(targetGroupId: "tg-loneliness") {{ memberCount }}' for i in range(20))
    + " }"
)


def _refused_for_cost(body: dict[str, Any]) -> str:
    assert body.get("data") is None, body
    message: str = body["errors"][0]["message"]
    assert "GRAPHSVC_MAX_QUERY_COST" in message, message
    return message


@pytest.mark.parametrize(
    "query",
    [FAN_OUT, NESTED, ALIASED_JOBS],
    ids=["fragment fan-out", "nested ties", "20 aliased gap reports"],
)
def test_a_costly_request_is_refused_quickly_while_others_are_answered(
    client: httpx.Client, auth: Headers, small_demo: str, query: str
) -> None:
    headers = auth(small_demo) | {"X-Graphsvc-Tenant": small_demo}

    def costly() -> tuple[dict[str, Any], float]:
        started = time.perf_counter()
        answer = client.post("/graphql", json={"query": query}, headers=headers, timeout=60)
        return answer.json(), time.perf_counter() - started

    with ThreadPoolExecutor(2) as pool:
        refused = pool.submit(costly)
        simple = pool.submit(
            client.post, "/graphql", headers=headers, timeout=60, json={"query": "{ actorCounts { count } }"}
        )
        body, _ = refused.result()
        assert simple.result().json()["data"]["actorCounts"]
    message = _refused_for_cost(body)
    assert "more than the limit of 100,000" in message


def test_the_pages_everyday_requests_fit(graphql: GraphQL, small_demo: str) -> None:
    """What the explorer and the gap report ask for stays well under the limit."""
    explorer = graphql(
        '{ actor(id: "school-egelunde") { id name tieCount ties { type direction '
        "other { id name kind } } contactPersons { id name email phone } "
        "initiatives { role initiative { id name } } } }",
        small_demo,
    )
    assert "errors" not in explorer, explorer
    page = graphql(
        "{ actors(first: 100) { edges { node { id name tieCount area { id name } "
        "ties { type other { id name kind } } } } } }",
        small_demo,
    )
    assert "errors" not in page, page
    report = graphql(
        '{ gapReport(targetGroupId: "tg-loneliness") { memberCount findings '
        '{ severity sentence } } recommendations(targetGroupId: "tg-loneliness") '
        "{ recommendations { id name contacts { name } introductionPath { name } } } }",
        small_demo,
    )
    assert "errors" not in report, report
