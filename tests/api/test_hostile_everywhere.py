"""Random and hostile input at every GraphQL operation and every REST endpoint, drawn from the
schema and the OpenAPI description themselves (so an operation added later is covered too):
never a server error, never an unexplained one, and an operation that refuses changes nothing.

Requests are made as an admin, who may call everything; the tenant holds a small town, a saved
map view and a snapshot, whose ids the drawn values use often, so that the checks run deep.

Tenant isolation is checked on the way: a second tenant holds the same town under the same ids
(with names marked as secret), a view and a snapshot of its own. Every answer to the first
tenant's admin must leave it unchanged and never mention it or its names, whatever the ids,
filters or ``tenant`` arguments asked for."""

from __future__ import annotations

import asyncio
import io
import json
import os
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI
from graphql import GraphQLObjectType
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.schema import schema
from tests.api.conftest import Tokens
from tests.api.hostile import (
    any_json,
    big_or_odd_int,
    hostile_text,
    operation,
    plain_errors,
    post,
    refused,
    tenant_state,
    variable_values,
)
from tests.conftest import _small_town, with_marked_names

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

TENANT = "hostile-everywhere"
OTHER = "hostile-neighbour"
SECRET = "Hemmelig"  # in every name of the other tenant
TOWN_IDS = [n.id for n in _small_town(TENANT).nodes]
# Upload is multipart, not JSON: importFile gets its random files from a test of its own below.
NOT_JSON = {"importFile"}
ROOTS: dict[str, GraphQLObjectType] = {
    "mutation": schema._schema.mutation_type,  # type: ignore[dict-item]
    "query": schema._schema.query_type,
}
OPERATIONS = [(kind, name) for kind, root in ROOTS.items() for name in root.fields if name not in NOT_JSON]
# The same examples at every run, so that CI is repeatable; GRAPHSVC_FUZZ_EXAMPLES=200 (say)
# draws that many fresh ones per operation instead, for a deeper search.
_DEEPER = int(os.environ.get("GRAPHSVC_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_DEEPER or 12,
    deadline=None,
    derandomize=not _DEEPER,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _headers(token_for: Tokens, tenant: str = TENANT) -> dict[str, str]:
    return {"X-Graphsvc-Tenant": tenant, "Authorization": f"Bearer {token_for(tenant, 'admin')}"}


@pytest.fixture(scope="module")
def known_ids(settings: Settings, api_url: str, token_for: Tokens) -> list[str]:
    """Writes the town into both tenants, saves a view and takes a snapshot in each; the ids
    of all of them (the other tenant's views and snapshots are among the ids tried)."""

    async def write() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(_small_town(TENANT))
            await NetworkRepository(store).write(with_marked_names(_small_town(OTHER), SECRET))

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write()).result()
    ids = [*TOWN_IDS, TENANT, OTHER]
    for tenant, name in ((TENANT, "Kort"), (OTHER, f"{SECRET} kort")):
        with httpx.Client(base_url=api_url, timeout=60, headers=_headers(token_for, tenant)) as client:
            made = client.post(
                "/graphql",
                json={
                    "query": f"""mutation {{
                v: saveMapView(input: {{kind: GAPS, targetGroup: "tg", title: "{name}"}}) {{
                  ... on MapView {{ id }} }}
                s: createSnapshot(name: "{name}") {{ ... on Snapshot {{ id }} }} }}"""
                },
            ).json()
            ids += [made["data"]["v"]["id"], made["data"]["s"]["id"]]
            # A user waiting on a sign-in link, and a share link: names and ids for the
            # access operations (users, links, the audit log) to be drawn with.
            user = "kim" if tenant == TENANT else "hemmelig-kim"
            access = client.post(
                "/graphql",
                json={
                    "query": f"""mutation {{
                u: inviteUser(name: "{user}", role: VIEWER) {{ __typename }}
                l: createShareLink(viewId: "{made["data"]["v"]["id"]}") {{
                  ... on NewShareLink {{ link {{ id }} }} }} }}"""
                },
            ).json()
            assert access["data"]["u"]["__typename"] == "NewSignInLink", access
            ids += [user, access["data"]["l"]["link"]["id"]]
            # A weaving task (the school to be introduced to the foundation by the club).
            task = client.post(
                "/graphql",
                json={
                    "query": """mutation { t: createWeavingTask(input: {firstId: "school",
                      secondId: "fund", introducerId: "club", targetGroupId: "tg"}) {
                      ... on WeavingTask { id } } }"""
                },
            ).json()
            ids.append(task["data"]["t"]["id"])
            # A presentation of the view, and a share link to it.
            shown = client.post(
                "/graphql",
                json={
                    "query": f"""mutation {{ p: createPresentation(input: {{title: "{name}",
                      steps: [{{viewId: "{made["data"]["v"]["id"]}", heading: "{name}"}}]}}) {{
                      ... on Presentation {{ id }} }} }}"""
                },
            ).json()
            presentation = shown["data"]["p"]["id"]
            link = client.post(
                "/graphql",
                json={
                    "query": f"""mutation {{ l: createPresentationLink(presentationId: "{presentation}") {{
                      ... on NewPresentationLink {{ link {{ id }} }} }} }}"""
                },
            ).json()
            ids += [presentation, link["data"]["l"]["link"]["id"]]
    return ids


def untouched_neighbour(db: Driver, before: str, answer: str, what: object) -> None:
    """The other tenant is as it was, and the answer names nothing of it (its id may come
    back only as the echo of a request that named it)."""
    assert tenant_state(db, OTHER) == before, f"{what} changed the other tenant"
    assert SECRET not in answer, f"{what} revealed the other tenant: {answer[:300]}"


@pytest.fixture(scope="module")
def http(api_url: str, token_for: Tokens, known_ids: list[str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=120, headers=_headers(token_for)) as client:
        yield client


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


def test_every_operation_is_covered() -> None:
    """A guard on the guard: the mutations and queries drawn from are the schema's."""
    assert len([1 for kind, _ in OPERATIONS if kind == "mutation"]) >= 30
    assert {"erasePerson", "connectTies", "createShareLink", "gapReport", "personalData"} <= {
        name for _, name in OPERATIONS
    }
    assert {"inviteUser", "newSignInLink", "revokeAccess", "auditEntries", "erasurePlan"} <= {
        name for _, name in OPERATIONS
    }
    weaving = {"whatIf", "weavingSuggestions", "createWeavingTask", "updateWeavingTask", "checkIntroductions"}
    assert weaving <= {name for _, name in OPERATIONS}


@pytest.mark.parametrize(("kind", "name"), OPERATIONS, ids=[n for _, n in OPERATIONS])
@FUZZ
@given(data=st.data())
def test_every_operation_answers_plainly_and_a_refusal_changes_nothing(
    http: httpx.Client, db: Driver, known_ids: list[str], kind: str, name: str, data: st.DataObject
) -> None:
    field = ROOTS[kind].fields[name]
    args = {a: arg.type for a, arg in field.args.items()}
    values = {a: data.draw(variable_values(t, known_ids), label=a) for a, t in args.items() if a != "tenant"}
    # The tenant argument is left out mostly, else ours or another's (which must be refused).
    tenant = data.draw(st.sampled_from([None, None, TENANT, OTHER]) | hostile_text, label="tenant")
    if tenant is not None:
        values["tenant"] = tenant
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    body = post(http, operation(kind, name, args, field.type), values)
    untouched_neighbour(db, neighbour, json.dumps(body, ensure_ascii=False), name)
    if kind == "query" or refused(body, "r"):
        plain_errors(body)
        assert tenant_state(db, TENANT) == before, f"{name} changed the graph: {body}"


@FUZZ
@given(data=st.data())
def test_random_files_at_import_file_answer_plainly_and_a_refusal_changes_nothing(
    http: httpx.Client, db: Driver, known_ids: list[str], data: st.DataObject
) -> None:
    field = ROOTS["mutation"].fields["importFile"]
    args = {a: arg.type for a, arg in field.args.items()}
    values: dict[str, Any] = {
        a: data.draw(variable_values(t, known_ids), label=a)
        for a, t in args.items()
        if a not in ("file", "tenant")
    }
    tenant = data.draw(st.sampled_from([None, TENANT, OTHER]), label="tenant")
    if tenant is not None:
        values["tenant"] = tenant
    values["file"] = None
    content = data.draw(
        st.one_of(
            st.binary(max_size=2000),
            st.lists(st.lists(hostile_text, min_size=1, max_size=5), max_size=6).map(
                lambda rows: "\n".join(";".join(r) for r in [["navn", "sektor"], *rows]).encode()
            ),
        ),
        label="file",
    )
    name = data.draw(
        st.sampled_from(["a.csv", "a.xlsx", "a.xls", "a", "../../a.csv"]) | hostile_text, label="name"
    )
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    response = http.post(
        "/graphql",
        data={
            "operations": json.dumps(
                {"query": operation("mutation", "importFile", args, field.type), "variables": values}
            ),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (name or "x", content)},
    )
    assert response.status_code in (200, 400), response.text[:500]
    body = response.json()
    untouched_neighbour(db, neighbour, json.dumps(body, ensure_ascii=False), "importFile")
    plain_errors(body)
    report = (body.get("data") or {}).get("r")
    if report is None or not report["written"]:
        assert tenant_state(db, TENANT) == before, f"importFile wrote yet said not: {body}"


def _rest_operations(app: FastAPI) -> list[tuple[str, str, list[dict[str, Any]]]]:
    spec = app.openapi()
    return [
        (method.upper(), path, op.get("parameters", []))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if path != "/graphql"
    ]  # the GraphQL endpoint is fuzzed above


path_value = st.one_of(
    hostile_text.filter(lambda s: s not in ("", ".", "..")),
    st.sampled_from([*TOWN_IDS, "network", "gaps", "ego", "actors", "png", "svg", "html", "gsv_" + "a" * 43]),
)
query_value = st.one_of(
    hostile_text, st.sampled_from([*TOWN_IDS, TENANT, OTHER, "da", "en", "0", "-1", "true", "99999999999"])
)


def _text(response: httpx.Response) -> str:
    """What a person could read in an answer: its text, or the text inside a zip or xlsx."""
    if response.content[:2] != b"PK":
        return response.content.decode("utf-8", "replace")
    with zipfile.ZipFile(io.BytesIO(response.content)) as packed:
        return "".join(packed.read(n).decode("utf-8", "replace") for n in packed.namelist())


def test_rest_operations_are_the_apps(api_app: FastAPI) -> None:
    paths = {p for _, p, _ in _rest_operations(api_app)}
    assert {"/imports", "/exports/network.gexf", "/share/{token}", "/maps/{kind}.html"} <= paths
    assert "/maps/whatif.html" in paths


@FUZZ
@given(data=st.data())
def test_every_rest_endpoint_answers_plainly_and_a_refusal_changes_nothing(
    http: httpx.Client, db: Driver, api_app: FastAPI, data: st.DataObject
) -> None:
    method, path, parameters = data.draw(st.sampled_from(_rest_operations(api_app)))
    url = path
    query: dict[str, Any] = {}
    for p in parameters:
        if p["in"] == "path":
            url = url.replace("{" + p["name"] + "}", quote(data.draw(path_value), safe=""))
        elif data.draw(st.booleans()):
            query[p["name"]] = data.draw(query_value)
    if data.draw(st.booleans()):
        query[data.draw(hostile_text.filter(bool))] = data.draw(query_value)
    body: dict[str, Any] = {}
    if method == "POST":
        content = data.draw(st.binary(max_size=3000) | any_json.map(str).map(str.encode))
        body = data.draw(
            st.sampled_from(
                [
                    {"files": {"file": (data.draw(hostile_text) or "x", content)}},
                    {"content": content},
                    {"json": data.draw(any_json)},
                ]
            )
        )
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    response = http.request(method, url, params=query, **body)
    assert response.status_code < 500, (method, url, query, response.text[:500])
    untouched_neighbour(db, neighbour, _text(response), (method, url))
    if response.status_code >= 400:
        assert response.text.strip(), (method, url, "an error with no words")
        assert tenant_state(db, TENANT) == before, (method, url, "refused, yet changed the graph")


RESPONDENT_BODY = st.fixed_dictionaries(
    {},
    optional={
        "respondent": st.sampled_from([None, "school", "club", "fund"]) | hostile_text,
        "partners": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "partner": st.sampled_from(TOWN_IDS) | hostile_text,
                    "frequency": st.sampled_from(["weekly", "daily", "ugentligt"]) | hostile_text,
                    "trust": big_or_odd_int | any_json,
                    "value": big_or_odd_int | any_json,
                },
            )
            | any_json,
            max_size=4,
        ),
        "newPartners": st.lists(
            st.fixed_dictionaries(
                {
                    "name": hostile_text,
                    "frequency": st.just("monthly"),
                    "trust": big_or_odd_int,
                    "value": big_or_odd_int,
                }
            )
            | any_json,
            max_size=3,
        ),
    },
)


@pytest.fixture(scope="module")
def survey_tokens(http: httpx.Client, token_for: Tokens) -> dict[str, str]:
    """A survey round in each tenant: a working link of ours, the other tenant's, and one of
    ours that was revoked."""
    start = """mutation($i: SurveyRoundInput!) { startSurveyRound(input: $i) {
      ... on NewSurveyRound { round { id } invitations { organisation { id } token } } } }"""
    closes = (date.today() + timedelta(days=30)).isoformat()
    tokens: dict[str, str] = {}
    for tenant, key in ((TENANT, "ours"), (OTHER, "theirs")):
        made = http.post(
            "/graphql",
            json={
                "query": start,
                "variables": {
                    "i": {"name": f"Runde {key}", "closesOn": closes, "respondentIds": ["school", "club"]}
                },
            },
            headers=_headers(token_for, tenant),
        ).json()["data"]["startSurveyRound"]
        links = {i["organisation"]["id"]: i["token"] for i in made["invitations"]}
        tokens[key] = links["school"]
        if key == "ours":
            tokens["revoked"] = links["club"]
            revoke = """mutation($r: ID!) {
              revokeSurveyLinks(roundId: $r, respondentId: "club") { __typename } }"""
            http.post("/graphql", json={"query": revoke, "variables": {"r": made["round"]["id"]}})
    return tokens


@FUZZ
@given(data=st.data())
def test_every_survey_link_endpoint_answers_plainly_and_a_refusal_changes_nothing(
    http: httpx.Client, db: Driver, api_app: FastAPI, survey_tokens: dict[str, str], data: st.DataObject
) -> None:
    """A respondent's link with hostile answers, forged respondents and other tenants' headers:
    never a server error, never the other tenant, and a refusal writes nothing."""
    routes = [(m, p) for m, p, _ in _rest_operations(api_app) if p.startswith("/respond/")]
    method, path = data.draw(st.sampled_from(routes))
    token = data.draw(
        st.sampled_from([survey_tokens["ours"], survey_tokens["revoked"], "gss_" + "x" * 43])
        | hostile_text.filter(lambda s: s not in ("", ".", ".."))
    )
    url = path.replace("{token}", quote(token, safe=""))
    headers = data.draw(st.sampled_from([{}, {"X-Graphsvc-Tenant": OTHER}, {"Accept-Language": "en"}]))
    params = {"q": data.draw(hostile_text), "lang": data.draw(st.sampled_from(["da", "en"]) | hostile_text)}
    body = {"json": data.draw(RESPONDENT_BODY | any_json)} if method == "POST" else {}
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    # Signed out, as a respondent is: only the link says who answers.
    response = httpx.request(
        method, f"{http.base_url}{url}", params=params, headers=headers, timeout=60, **body
    )
    assert response.status_code < 500, (method, url, response.text[:500])
    untouched_neighbour(db, neighbour, _text(response), (method, url))
    if response.status_code >= 400:
        assert response.text.strip(), (method, url, "an error with no words")
        assert tenant_state(db, TENANT) == before, (method, url, "refused, yet changed the graph")


@pytest.fixture(scope="module")
def spent_sign_in_links(http: httpx.Client, db: Driver) -> list[str]:
    """Sign-in links of ours that no longer sign anyone in: one used, one expired."""
    made = http.post(
        "/graphql",
        json={
            "query": """mutation {
        a: inviteUser(name: "brugt", role: ADMIN) { ... on NewSignInLink { url } }
        b: inviteUser(name: "udloebet", role: ADMIN) { ... on NewSignInLink { url } } }"""
        },
    ).json()["data"]
    used, expired = (made[k]["url"].split("#token=")[1] for k in ("a", "b"))
    assert httpx.post(f"{http.base_url}/auth/invitation", json={"token": used}).status_code == 200
    db.execute_query(
        "MATCH (i:Invitation {tenant: $tenant, user: 'udloebet'}) "
        "SET i.expires_at = datetime() - duration('PT1M')",
        tenant=TENANT,
        database_="neo4j",
    )
    return [used, expired]


@FUZZ
@given(data=st.data())
def test_forged_reused_and_expired_sign_in_links_answer_plainly_and_write_nothing(
    http: httpx.Client, db: Driver, spent_sign_in_links: list[str], data: st.DataObject
) -> None:
    token = data.draw(
        st.sampled_from([*spent_sign_in_links, "gsi_" + "A" * 43, "gs_" + "A" * 43, "gsv_" + "A" * 43])
        | hostile_text
        | hostile_text.map(lambda s: "gsi_" + s),
        label="token",
    )
    body = data.draw(st.sampled_from([{"token": token}]) | any_json, label="body")
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    # Signed out, as the person who opens the link is.
    response = httpx.post(f"{http.base_url}/auth/invitation", json=body, timeout=60)
    assert response.status_code in (404, 410, 422), response.text[:500]
    assert "set-cookie" not in response.headers
    untouched_neighbour(db, neighbour, response.text, "/auth/invitation")
    assert tenant_state(db, TENANT) == before, f"a refused sign-in link wrote something: {body!r}"


SNAPSHOT_IDS = ["kort", f"{SECRET.lower()}-kort"]  # the snapshots "Kort" and "Hemmelig kort"


def _difference_map_answers_plainly(http: httpx.Client, db: Driver, params: dict[str, Any]) -> int:
    """The map of what changed between two snapshots (a page, not in the GraphQL schema): a map,
    or a plain page saying why not; never the other tenant's snapshot, never a write."""
    before, neighbour = tenant_state(db, TENANT), tenant_state(db, OTHER)
    response = http.get("/snapshots/changes.html", params=params)
    assert response.status_code in (200, 400, 403, 404), (params, response.text[:500])
    assert response.text.strip()
    untouched_neighbour(db, neighbour, response.text, params)
    assert tenant_state(db, TENANT) == before, (params, "the map changed the graph")
    if response.status_code == 200:
        assert 'id="graphsvc-map-data"' in response.text
    return response.status_code


@pytest.mark.parametrize("to", ["now", *SNAPSHOT_IDS])
@pytest.mark.parametrize("from_", ["now", *SNAPSHOT_IDS])
def test_the_difference_map_of_this_tenant_s_moments_only(
    http: httpx.Client, db: Driver, known_ids: list[str], from_: str, to: str
) -> None:
    status = _difference_map_answers_plainly(http, db, {"from": from_, "to": to})
    assert status == (404 if SNAPSHOT_IDS[1] in (from_, to) else 200)


@FUZZ
@given(data=st.data())
def test_the_difference_map_of_any_two_moments_answers_plainly_and_changes_nothing(
    http: httpx.Client, db: Driver, known_ids: list[str], data: st.DataObject
) -> None:
    moment = st.sampled_from(["now", *SNAPSHOT_IDS, *known_ids]) | hostile_text
    params: dict[str, Any] = {"from": data.draw(moment, label="from"), "to": data.draw(moment, label="to")}
    if data.draw(st.booleans()):
        params["lang"] = data.draw(st.sampled_from(["da", "en"]) | hostile_text, label="lang")
    if data.draw(st.booleans()):
        params["tenant"] = data.draw(st.sampled_from([TENANT, OTHER]) | hostile_text, label="tenant")
    _difference_map_answers_plainly(http, db, params)
