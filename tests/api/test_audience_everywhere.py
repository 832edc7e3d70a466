"""Who may see what, at every GraphQL operation and every REST endpoint, drawn from the schema
and the OpenAPI description themselves (so an operation added later is covered too).

The tenant holds a small town with two young people (pseudonyms, a birth year, challenges) and
two contact persons (names, e-mail, phone). As a **viewer**, and through a **share link**, no
answer — JSON, map page, CSV, XLSX, ZIP, GraphML, GEXF, SVG text — may hold a young person's
pseudonym, challenges or id, nor a contact person's name, e-mail, phone or id; an id may come
back only as the echo of a request that named it. As a **coordinator**, the admin-only
operations (users, audit log, a person's data, erasure) are refused and change nothing.

Each operation is called twice over: with values drawn at random (the same at every run), and
with targeted values — every id argument set to each person's id and to the actors around
them, every list of kinds or tie types holding every value, the walk as deep and wide as the
limits allow — so the paths that reach people are always tried."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from hypothesis import given
from hypothesis import strategies as st
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network, Person, Tie, TieType, YoungPerson
from graphsvc.schema import schema
from tests.api.conftest import Tokens
from tests.api.hostile import operation, plain_errors, post, refused, tenant_state, variable_values
from tests.api.test_hostile_everywhere import FUZZ, NOT_JSON, _rest_operations, _text
from tests.conftest import _small_town

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

TENANT = "audience-everywhere"
ROOTS: dict[str, GraphQLObjectType] = {
    "mutation": schema._schema.mutation_type,  # type: ignore[dict-item]
    "query": schema._schema.query_type,
}
OPERATIONS = [(kind, name) for kind, root in ROOTS.items() for name in root.fields if name not in NOT_JSON]
PERSON_IDS = ["yp-1", "yp-2", "p-1", "p-2"]
ACTOR_IDS = ["school", "club", "fund", "tg", "plusdig", "hvalsoe"]
# What a viewer must never read: pseudonyms, challenges no target group asks for (a target
# group's criteria are not personal), contact persons' names, e-mail addresses and phones.
# In GraphQL answers, any object of the two kinds at all.
PERSONAL = [
    "Blå Ræv",
    "Grå Ugle",
    "substance_use",
    "SUBSTANCE_USE",
    "Mette Jensen",
    "mette@example.dk",
    "Karen Privatsen",
    "karen.privat@example.dk",
    "20 30 40 50",
    '"__typename": "YoungPerson"',
    '"__typename": "ContactPerson"',
]


def _town(tenant: str) -> Network:
    town = _small_town(tenant)
    extra = (
        YoungPerson(
            id="yp-2",
            tenant=tenant,
            name="Grå Ugle",
            birth_year=2011,
            challenges={"substance_use", "crime"},
            area="hvalsoe",
        ),
        Person(
            id="p-2",
            tenant=tenant,
            name="Karen Privatsen",
            role="Lærer",
            email="karen.privat@example.dk",
            phone="+45 20 30 40 50",
        ),
    )
    ties = (
        Tie(type=TieType.ATTENDS, source="yp-2", target="school"),
        Tie(type=TieType.MEMBER_OF, source="yp-2", target="club"),
        Tie(type=TieType.WORKS_FOR, source="p-2", target="school"),
    )
    return town.model_copy(update={"nodes": town.nodes + extra, "ties": town.ties + ties})


def personal_data_in(text: str, asked: str) -> list[str]:
    """What of the people in the town ``text`` holds: their personal words, and their ids
    unless ``asked`` (the request) named them itself."""
    found = [word for word in PERSONAL if word in text]
    found += [i for i in PERSON_IDS if re.search(rf"(?<![\w-]){i}(?![\w-])", text) and i not in asked]
    return found


def _headers(token_for: Tokens, role: str) -> dict[str, str]:
    return {"X-Graphsvc-Tenant": TENANT, "Authorization": f"Bearer {token_for(TENANT, role)}"}


@pytest.fixture(scope="module")
def town(settings: Settings) -> None:
    async def write() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(_town(TENANT))

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write()).result()


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


@pytest.fixture(scope="module")
def as_viewer(
    api_url: str, token_for: Tokens, town: None, tasks_naming_people: None
) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=120, headers=_headers(token_for, "viewer")) as client:
        yield client


@pytest.fixture(scope="module")
def tasks_naming_people(as_coordinator: httpx.Client) -> None:
    """Weaving tasks that name a contact person: as their introducer, and in their note. A
    viewer must see neither, as it sees no contact person."""
    for fields in (
        'firstId: "school", secondId: "fund", targetGroupId: "tg", introducerId: "p-1"',
        'firstId: "club", secondId: "fund", targetGroupId: "tg", note: "Ring til Mette Jensen"',
    ):
        made = post(
            as_coordinator,
            f"mutation {{ t: createWeavingTask(input: {{{fields}}}) {{ __typename }} }}",
            {},
        )
        assert made["data"]["t"]["__typename"] == "WeavingTask", made


@pytest.fixture(scope="module")
def as_coordinator(api_url: str, token_for: Tokens, town: None) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=120, headers=_headers(token_for, "coordinator")) as client:
        yield client


@pytest.fixture(scope="module")
def share_tokens(as_coordinator: httpx.Client) -> list[str]:
    """Share links to a view of every map kind, each asking for individual young people."""
    views = {
        "network": "{kind: NETWORK, youngPeople: INDIVIDUALS}",
        "ego": '{kind: EGO, actor: "school", depth: 2, youngPeople: INDIVIDUALS}',
        "gaps": '{kind: GAPS, targetGroup: "tg", youngPeople: INDIVIDUALS}',
        "target": '{kind: TARGET_GROUP, targetGroup: "tg", youngPeople: INDIVIDUALS}',
        "brokers": "{kind: BROKERS}",
    }
    tokens = []
    for name, options in views.items():
        made = as_coordinator.post(
            "/graphql",
            json={
                "query": f"""mutation {{
            v: saveMapView(input: {options}) {{ ... on MapView {{ id }} ... on Error {{ message }} }}
        }}"""
            },
        ).json()
        view = made["data"]["v"]["id"]
        link = as_coordinator.post(
            "/graphql",
            json={
                "query": f"""mutation {{
            l: createShareLink(viewId: "{view}") {{ ... on NewShareLink {{ token }} }} }}"""
            },
        ).json()
        tokens.append(link["data"]["l"]["token"])
        assert name and tokens[-1].startswith("gsv_")
    return tokens


def _check_graphql(client: httpx.Client, kind: str, name: str, values: dict[str, Any]) -> None:
    field = ROOTS[kind].fields[name]
    args = {a: arg.type for a, arg in field.args.items()}
    query = operation(kind, name, args, field.type)
    body = post(client, query, values)
    plain_errors(body)
    leaked = personal_data_in(json.dumps(body, ensure_ascii=False), json.dumps(values))
    assert not leaked, f"{name}({values}) showed a viewer {leaked}: {json.dumps(body)[:600]}"


def test_every_operation_is_covered() -> None:
    """A guard on the guard: the operations drawn from are the schema's, the reads of people
    among them."""
    names = {name for _, name in OPERATIONS}
    assert {"neighbourhood", "contactPersons", "recommendations", "node", "actors"} <= names
    assert len(OPERATIONS) >= 60


@pytest.mark.parametrize(("kind", "name"), OPERATIONS, ids=[n for _, n in OPERATIONS])
@FUZZ
@given(data=st.data())
def test_no_operation_shows_a_viewer_a_person(
    as_viewer: httpx.Client, kind: str, name: str, data: st.DataObject
) -> None:
    field = ROOTS[kind].fields[name]
    known = [*PERSON_IDS, *ACTOR_IDS]
    values = {
        a: data.draw(variable_values(arg.type, known), label=a)
        for a, arg in field.args.items()
        if a != "tenant"
    }
    _check_graphql(as_viewer, kind, name, values)


def _targeted(type_: GraphQLInputType, arg: str, node_id: str) -> Any:
    """A well-formed value that reaches as far as allowed: ``node_id`` for ids, every value of
    a list of enums, the deepest walk and the widest page."""
    if isinstance(type_, GraphQLNonNull):
        return _targeted(type_.of_type, arg, node_id)
    if isinstance(type_, GraphQLList):
        inner = type_.of_type.of_type if isinstance(type_.of_type, GraphQLNonNull) else type_.of_type
        if isinstance(inner, GraphQLEnumType):
            return sorted(inner.values)
        return [_targeted(type_.of_type, arg, node_id)]
    if isinstance(type_, GraphQLEnumType):
        values = sorted(type_.values)
        return "INDIVIDUALS" if "INDIVIDUALS" in values else values[0]
    if isinstance(type_, GraphQLInputObjectType):
        return {
            k: _targeted(f.type, k, node_id)
            for k, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull) or k.endswith("Id") or k == "actor"
        }
    assert isinstance(type_, GraphQLScalarType)
    ints = {"depth": 3, "maxNodes": 2000, "first": 100, "top": 500, "hops": 2}
    return {
        "ID": node_id,
        "String": node_id,
        "Int": ints.get(arg, 1),
        "Float": 1.0,
        "Boolean": True,
        "Date": "2026-01-01",
        "DateTime": "2026-01-01T00:00:00Z",
        "JSON": {},
    }.get(type_.name, node_id)


READS = [(kind, name) for kind, name in OPERATIONS if kind == "query"]


@pytest.mark.parametrize("node_id", [*PERSON_IDS, "school", "club", "tg"])
def test_no_read_with_targeted_arguments_shows_a_viewer_a_person(
    as_viewer: httpx.Client, node_id: str
) -> None:
    for kind, name in READS:
        field = ROOTS[kind].fields[name]
        values = {a: _targeted(arg.type, a, node_id) for a, arg in field.args.items() if a != "tenant"}
        _check_graphql(as_viewer, kind, name, values)


def _map_queries(node_id: str) -> list[dict[str, str]]:
    return [
        {"young": "individuals", "actor": node_id, "depth": "3"},
        {"young": "individuals", "target_group": node_id},
        {"young": "individuals", "area": node_id},
        {"target_group": "tg", "lang": "en", "top": "500"},
    ]


def _rest_calls(app: FastAPI) -> list[tuple[str, str, dict[str, str]]]:
    """Every GET of the app with each person's and actor's id in its path and query."""
    calls = []
    for method, path, parameters in _rest_operations(app):
        if method != "GET":
            continue  # the only POST is the import, which a viewer may not call
        for node_id in [*PERSON_IDS, "school", "tg"]:
            url = path.replace("{kind}", "ego")
            for p in parameters:
                if p["in"] == "path":
                    url = url.replace("{" + p["name"] + "}", node_id)
            for query in _map_queries(node_id):
                calls.append((method, url, query))
                if "{kind}" in path:
                    for kind in ("network", "gaps", "target-group"):
                        calls.append((method, path.replace("{kind}", kind), query))
    return calls


def test_no_rest_endpoint_shows_a_viewer_a_person(as_viewer: httpx.Client, api_app: FastAPI) -> None:
    calls = _rest_calls(api_app)
    assert any(url.startswith("/exports/recruitment/") for _, url, _ in calls)
    seen = set()
    for method, url, query in calls:
        response = as_viewer.request(method, url, params=query)
        assert response.status_code < 500, (url, query, response.text[:300])
        seen.add(response.status_code)
        leaked = personal_data_in(_text(response), url + json.dumps(query))
        assert not leaked, f"{url} {query} showed a viewer {leaked}"
    assert 200 in seen


def test_an_unknown_id_and_a_hidden_one_get_the_same_answer(as_viewer: httpx.Client) -> None:
    """A viewer cannot tell which ids are people by the answers (status and words)."""
    for url in ("/maps/ego.html?actor={}", "/maps/gaps.html?target_group={}", "/exports/recruitment/{}.csv"):
        hidden = as_viewer.get(url.format("yp-1"))
        unknown = as_viewer.get(url.format("yp-9"))
        assert hidden.status_code == unknown.status_code
        assert hidden.text.replace("yp-1", "?") == unknown.text.replace("yp-9", "?"), url
    for query in (
        '{ neighbourhood(id: "%s") { centerId } }',
        '{ node(id: "%s") { id } }',
        '{ gapReport(targetGroupId: "%s") { memberCount } }',
    ):
        hidden = post(as_viewer, query % "yp-1", {})
        unknown = post(as_viewer, query % "yp-9", {})
        assert json.dumps(hidden).replace("yp-1", "?") == json.dumps(unknown).replace("yp-9", "?")


def test_a_viewer_s_tie_counts_count_what_it_sees(
    as_viewer: httpx.Client, as_coordinator: httpx.Client
) -> None:
    query = "{ actors { edges { node { id tieCount ties { type } } } } }"
    for client, people in ((as_viewer, False), (as_coordinator, True)):
        actors = post(client, query, {})["data"]["actors"]["edges"]
        assert all(a["node"]["tieCount"] == len(a["node"]["ties"]) for a in actors)
        school = next(a["node"] for a in actors if a["node"]["id"] == "school")
        assert ("ATTENDS" in {t["type"] for t in school["ties"]}) is people


def test_no_share_link_shows_a_person(client: httpx.Client, share_tokens: list[str]) -> None:
    for token in share_tokens:
        for suffix in ("", "/download.html", "/download.png", "/download.svg"):
            response = client.get(f"/share/{token}{suffix}")
            assert response.status_code == 200, (suffix, response.text[:300])
            leaked = personal_data_in(_text(response), "")
            assert not leaked, f"share link {suffix or 'page'} showed {leaked}"


def test_no_survey_link_shows_a_person(
    as_coordinator: httpx.Client, client: httpx.Client, api_app: FastAPI
) -> None:
    """A survey respondent is a viewer: its questionnaire, the organisations it may name, its
    answers' echo and its own ego map hold no young person and no contact person, whatever it
    searches for or names."""
    start = """mutation($i: SurveyRoundInput!) { startSurveyRound(input: $i) {
      ... on NewSurveyRound { invitations { organisation { id } token } } } }"""
    closes = (date.today() + timedelta(days=30)).isoformat()
    made = post(
        as_coordinator,
        start,
        {"i": {"name": "Personer aldrig", "closesOn": closes, "respondentIds": ["school", "club"]}},
    )
    token = {i["organisation"]["id"]: i["token"] for i in made["data"]["startSurveyRound"]["invitations"]}[
        "school"
    ]
    for partner in PERSON_IDS:  # naming a person is as unknown as naming nothing
        refused = client.post(
            f"/respond/{token}/answers",
            json={"partners": [{"partner": partner, "frequency": "weekly", "trust": 3, "value": 3}]},
        )
        assert refused.status_code == 404 and not personal_data_in(refused.text, partner)
    answered = client.post(
        f"/respond/{token}/answers",
        json={"partners": [{"partner": "club", "frequency": "weekly", "trust": 3, "value": 3}]},
    )
    assert answered.status_code == 200
    routes = [p for m, p, _ in _rest_operations(api_app) if m == "GET" and p.startswith("/respond/")]
    assert len(routes) >= 4
    searches = ["Blå", "Grå", "Mette", "Karen", "yp", "p-1", "example", "20 30"]
    for path in routes:
        for q in searches:
            response = client.get(path.replace("{token}", token), params={"q": q, "lang": "en"})
            assert response.status_code == 200, (path, response.text[:300])
            leaked = personal_data_in(_text(response), "")
            assert not leaked, f"{path}?q={q} showed a respondent {leaked}"


ADMIN_ONLY = sorted(
    (kind, name)
    for kind, root in ROOTS.items()
    for name, field in root.fields.items()
    if (field.description or "").startswith("Admins:")
)


def test_admin_only_operations_are_the_expected_ones() -> None:
    assert {name for _, name in ADMIN_ONLY} >= {
        "users",
        "addUser",
        "issueToken",
        "revokeTokens",
        "setUserRole",
        "removeUser",
        "auditLog",
        "personalData",
        "erasePerson",
        "inviteUser",
        "newSignInLink",
        "revokeAccess",
        "auditEntries",
        "erasurePlan",
    }


@pytest.mark.parametrize(("kind", "name"), ADMIN_ONLY, ids=[n for _, n in ADMIN_ONLY])
@pytest.mark.parametrize("node_id", ["yp-1", "p-1"])
def test_a_coordinator_cannot_run_what_only_admins_may(
    as_coordinator: httpx.Client, db: Driver, kind: str, name: str, node_id: str
) -> None:
    field = ROOTS[kind].fields[name]
    values = {a: _targeted(arg.type, a, node_id) for a, arg in field.args.items() if a != "tenant"}
    values |= {"role": "ADMIN"} if "role" in values else {}
    before = tenant_state(db, TENANT)
    body = post(
        as_coordinator, operation(kind, name, {a: f.type for a, f in field.args.items()}, field.type), values
    )
    assert refused(body, "r"), body
    assert any("needs an admin" in e["message"] for e in body.get("errors") or []), body
    assert tenant_state(db, TENANT) == before
    assert not personal_data_in(json.dumps(body, ensure_ascii=False), json.dumps(values))


def test_no_difference_map_shows_a_viewer_a_person(
    as_coordinator: httpx.Client, as_viewer: httpx.Client
) -> None:
    """The map of what changed between two snapshots, or a snapshot and now (a page of its own,
    not in the GraphQL schema): snapshots and the partnership hold no people, and naming a
    person as either end is as unknown as naming nothing."""
    made = post(
        as_coordinator, 'mutation { createSnapshot(name: "Uden personer") { ... on Snapshot { id } } }', {}
    )
    snapshot = made["data"]["createSnapshot"]["id"]
    drawn = 0
    for ref in [snapshot, "now", *PERSON_IDS]:
        for other in (snapshot, "now"):
            response = as_viewer.get(
                "/snapshots/changes.html", params={"from": ref, "to": other, "lang": "en"}
            )
            assert response.status_code in (200, 404), (ref, other, response.text[:300])
            drawn += response.status_code == 200
            leaked = personal_data_in(_text(response), ref + other)
            assert not leaked, f"the difference map {ref} → {other} showed a viewer {leaked}"
    assert drawn == 4
