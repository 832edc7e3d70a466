"""Malformed and hostile input at the mutations and filters: never a server error, never a
partial write, always an answer that says what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from tests.api.hostile import any_json, hostile_text, plain_errors, post, refused, tenant_state

Tokens = Callable[..., str]

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

TENANT = "hostile"
enum_or_junk = st.one_of(
    st.sampled_from(["PUBLIC", "CIVIL_SOCIETY", "LEISURE", "SCHOOL", "ASSOCIATION", "MEMBER_OF", "ATTENDS"]),
    any_json,
)


@pytest.fixture(scope="module")
def http(api_url: str, token_for: Tokens) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=api_url,
        timeout=60,
        headers={"X-Graphsvc-Tenant": TENANT, "Authorization": f"Bearer {token_for(TENANT)}"},
    ) as client:
        seed = """mutation {
          a: createArea(input: {id: "area-1", name: "Hvalsø"}) { __typename }
          s: createActor(input: {id: "school-1", kind: MUNICIPAL_UNIT, name: "Skolen",
                                 sector: PUBLIC, arenas: [SCHOOL], areaId: "area-1"}) { __typename }
          c: createActor(input: {id: "club-1", kind: ASSOCIATION, name: "Klubben",
                                 sector: CIVIL_SOCIETY, arenas: [LEISURE]}) { __typename }
          y: createYoungPerson(input: {id: "yp-1", pseudonym: "Ræv", ageBand: AGE_12_14}) { __typename }
        }"""
        client.post("/graphql", json={"query": seed}).raise_for_status()
        yield client


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


def snapshot(db: Driver) -> str:
    return tenant_state(db, TENANT)


MUTATIONS = {
    "createActor": (
        "mutation($i: ActorCreate!) { r: createActor(input: $i) { __typename ... on Error { message } } }",
        st.fixed_dictionaries(
            {"kind": enum_or_junk, "name": hostile_text, "sector": enum_or_junk},
            optional={
                "arenas": st.lists(enum_or_junk, max_size=3),
                "areaId": hostile_text,
                "id": hostile_text,
                "category": hostile_text,
            },
        ),
    ),
    "updateActor": (
        'mutation($i: ActorUpdate!) { r: updateActor(id: "club-1", input: $i) { '
        "__typename ... on Error { message } } }",
        st.fixed_dictionaries(
            {},
            optional={
                "name": hostile_text,
                "sector": enum_or_junk,
                "areaId": hostile_text,
                "description": hostile_text,
            },
        ),
    ),
    "createYoungPerson": (
        "mutation($i: YoungPersonCreate!) { r: createYoungPerson(input: $i) { "
        "__typename ... on Error { message } } }",
        st.fixed_dictionaries(
            {"pseudonym": hostile_text},
            optional={"birthYear": any_json, "challenges": st.lists(enum_or_junk), "areaId": hostile_text},
        ),
    ),
    "connect": (
        "mutation($i: TieInput!) { r: connect(input: $i) { __typename ... on Error { message } } }",
        st.fixed_dictionaries(
            {
                "type": enum_or_junk,
                "sourceId": st.sampled_from(["yp-1", "club-1"]) | hostile_text,
                "targetId": st.sampled_from(["school-1", "club-1"]) | hostile_text,
            },
            optional={"strength": any_json, "since": any_json},
        ),
    ),
}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(which=st.sampled_from(sorted(MUTATIONS)), data=st.data())
def test_mutations_never_fail_badly_or_half_write(
    http: httpx.Client, db: Driver, which: str, data: st.DataObject
) -> None:
    query, inputs = MUTATIONS[which]
    variables = {"i": data.draw(inputs)}
    before = snapshot(db)
    body = post(http, query, variables)
    if refused(body, "r"):
        assert snapshot(db) == before, f"{which} was refused but changed the graph: {body}"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    filters=st.fixed_dictionaries(
        {},
        optional={
            "search": hostile_text,
            "areaId": hostile_text,
            "kind": enum_or_junk,
            "sector": enum_or_junk,
        },
    ),
    first=any_json,
    after=any_json,
)
def test_filters_never_fail_badly(
    http: httpx.Client, db: Driver, filters: dict[str, Any], first: Any, after: Any
) -> None:
    before = snapshot(db)
    body = post(
        http,
        "query($f: ActorFilter, $first: Int, $after: String) { "
        "actors(filter: $f, first: $first, after: $after) { totalCount } }",
        {"f": filters, "first": first, "after": after},
    )
    plain_errors(body)
    assert snapshot(db) == before


@given(depth=st.integers(min_value=0, max_value=40))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_deep_nesting_is_refused_plainly(http: httpx.Client, depth: int) -> None:
    query = "{ actors { edges { node { area { " + "partOf { " * depth + "id" + " }" * (depth + 4) + " }"
    body = post(http, query, {})
    if depth <= 2:
        assert "errors" not in body, body
    elif depth >= 9:  # the default limit is 12 levels
        assert "exceeds maximum operation depth of 12" in body["errors"][0]["message"]
    else:
        assert "errors" not in body or "maximum operation depth" in body["errors"][0]["message"]
