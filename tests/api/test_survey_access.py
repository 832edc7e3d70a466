"""Who may run a partner survey, and what a survey link may reach: by role, by tenant, and with
hostile input. Every refusal is checked to write nothing, in either tenant."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Actor, Kind, Sector
from tests.api.conftest import Headers
from tests.api.hostile import tenant_state
from tests.api.surveys import GraphQL, collaborations, send, start_round, started
from tests.survey_town import CONTACT, YOUNG_PERSON, survey_town

pytestmark = pytest.mark.neo4j

SECRET = "Naboby"  # in every name of the other tenant
ROUNDS = "{ surveyRounds { id name } }"
ROUND = "query($id: ID!) { surveyRound(id: $id) { id name } }"
CLOSE = """mutation($id: ID!) { closeSurveyRound(id: $id) { __typename ... on Error { message } } }"""
REVOKE = """mutation($r: ID!, $a: ID!) { revokeSurveyLinks(roundId: $r, respondentId: $a) {
  __typename ... on Error { message } } }"""
NEW_LINK = """mutation($r: ID!, $a: ID!) { newSurveyLink(roundId: $r, respondentId: $a) {
  __typename ... on Error { message } } }"""


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


@pytest.fixture
async def towns(store: GraphStore, tenant: str) -> tuple[str, str]:
    """Two tenants holding the same town under the same ids; the second's names are marked."""
    other = f"{tenant}-b"
    await NetworkRepository(store).write(survey_town(tenant))
    theirs = survey_town(other, mark=SECRET)
    only = Actor(
        kind=Kind.ASSOCIATION, id="naboklub", tenant=other, name=f"{SECRET} Klub", sector=Sector.CIVIL_SOCIETY
    )
    await NetworkRepository(store).write(theirs.model_copy(update={"nodes": (*theirs.nodes, only)}))
    return tenant, other


def test_a_viewer_can_neither_start_nor_read_rounds(
    graphql: GraphQL, auth: Headers, towns: tuple[str, str], db: Driver
) -> None:
    town, _ = towns
    auth(town, "viewer")  # the user exists before the state is read
    before = tenant_state(db, town)
    body = graphql(
        """mutation($i: SurveyRoundInput!) { startSurveyRound(input: $i) { __typename } }""",
        town,
        as_role="viewer",
        i={"name": "Runde", "closesOn": datetime.date.today().isoformat(), "respondentIds": ["school"]},
    )
    assert body["data"] is None and "needs a coordinator" in body["errors"][0]["message"]
    body = graphql(ROUNDS, town, as_role="viewer")
    assert "needs a coordinator" in body["errors"][0]["message"]
    assert tenant_state(db, town) == before


def test_a_coordinator_never_reaches_another_tenant_s_rounds(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: tuple[str, str], db: Driver
) -> None:
    town, other = towns
    theirs, their_tokens = started(graphql, other, ["school", "club"], name=f"{SECRET} 2026")
    ours, _ = started(graphql, town, ["school"])
    before = tenant_state(db, other)
    assert graphql(ROUNDS, town)["data"]["surveyRounds"] == [{"id": ours, "name": "Partnerundersøgelse 2026"}]
    assert graphql(ROUND, town, id=theirs)["data"]["surveyRound"] is None
    for query, values in (
        (CLOSE, {"id": theirs}),
        (REVOKE, {"r": theirs, "a": "club"}),
        (NEW_LINK, {"r": theirs, "a": "club"}),
    ):
        answer = graphql(query, town, **values)
        typed = next(iter(answer["data"].values()))
        assert typed["__typename"] == "NotFoundError", answer
        assert SECRET not in str(answer)
    # Naming the other tenant outright is refused before anything is looked up.
    refused = client.post(
        "/graphql", json={"query": ROUNDS}, headers=auth(town) | {"X-Graphsvc-Tenant": other}
    ).json()
    assert "cannot reach another tenant" in refused["errors"][0]["message"]
    assert tenant_state(db, other) == before
    assert client.get(f"/respond/{their_tokens['club']}/questionnaire").status_code == 200


def test_a_link_of_one_tenant_reads_and_writes_nothing_of_another(
    graphql: GraphQL, client: httpx.Client, towns: tuple[str, str], db: Driver
) -> None:
    town, other = towns
    _, tokens = started(graphql, town, ["school"])
    started(graphql, other, ["school"], name="Deres runde")
    before, neighbour = tenant_state(db, town), tenant_state(db, other)
    token = tokens["school"]
    # The other tenant's name for the header, or its actors' names in a search, reach nothing.
    form = client.get(f"/respond/{token}/questionnaire", headers={"X-Graphsvc-Tenant": other})
    assert form.json()["respondent"] == {"id": "school", "name": "Hvalsø Skole"}
    found = client.get(f"/respond/{token}/organisations", params={"q": SECRET}).json()
    assert found == []
    found = client.get(f"/respond/{token}/organisations", params={"q": "Hvalsø"}).json()
    assert found and all(set(o) == {"id", "name"} and SECRET not in o["name"] for o in found)
    assert "school" not in {o["id"] for o in found}  # never itself
    # An id only the other tenant holds is as unknown as any other, whatever the header says.
    answer = send(client, token, [("naboklub", "weekly", 3, 3)], headers={"X-Graphsvc-Tenant": other})
    assert answer.status_code == 404 and SECRET not in answer.text
    assert tenant_state(db, town) == before and tenant_state(db, other) == neighbour
    # The header is not used at all: the answer goes to the link's own tenant.
    answer = send(client, token, [("esport", "weekly", 3, 3)], headers={"X-Graphsvc-Tenant": other})
    assert answer.status_code == 200 and ("school", "esport") in collaborations(db, town)
    assert tenant_state(db, other) == neighbour


def test_a_link_answers_for_its_own_organisation_only(
    graphql: GraphQL, client: httpx.Client, towns: tuple[str, str], db: Driver
) -> None:
    town, _ = towns
    _, tokens = started(graphql, town, ["school", "club"])
    before = tenant_state(db, town)
    forged = send(client, tokens["school"], [("library", "weekly", 3, 3)], respondent="club")
    assert forged.status_code == 403 and "its own organisation" in forged.json()["detail"]
    assert tenant_state(db, town) == before
    mine = send(client, tokens["school"], [("library", "weekly", 3, 3)], respondent="school")
    assert mine.status_code == 200 and collaborations(db, town)["school", "library"]["trust"] == 3


@pytest.mark.parametrize(
    ("partners", "new", "status", "says"),
    [
        ([("club", "weekly", 9, 3)], [], 400, "partners[0].trust: 1 to 4, not '9'"),
        ([("club", "weekly", 3, 0)], [], 400, "partners[0].value: 1 to 4"),
        ([("club", "hourly", 3, 3)], [], 400, "partners[0].frequency: one of daily"),
        ([("club", "weekly", True, 3)], [], 400, "partners[0].trust"),
        ([("school", "weekly", 3, 3)], [], 400, "an organisation is not its own partner"),
        ([("club", "weekly", 3, 3), ("club", "daily", 2, 2)], [], 400, "named twice"),
        ([("yp-1", "weekly", 3, 3)], [], 404, "there is no organisation with id 'yp-1'"),
        ([("p-1", "weekly", 3, 3)], [], 404, "there is no organisation with id 'p-1'"),
        ([("') OR 1=1 //", "weekly", 3, 3)], [], 400, "not the id of an organisation"),
        ([], [("<script>alert(1)</script>", "weekly", 3, 3)], 400, "no control characters, < or >"),
        ([], [("<img src=x onerror=alert(1)>", "weekly", 3, 3)], 400, "no control characters, < or >"),
        ([], [("Klub\u0000", "weekly", 3, 3)], 400, "no control characters"),
        ([], [("x" * 201, "weekly", 3, 3)], 400, "at most 200 characters"),
        ([], [("   ", "weekly", 3, 3)], 400, "needs a name"),
        # A good answer next to a bad one: nothing at all is written.
        ([("club", "weekly", 3, 3)], [("Ny Klub", "weekly", 3, 99)], 400, "newPartners[0].value"),
    ],
)
def test_a_refused_answer_writes_nothing(
    graphql: GraphQL,
    client: httpx.Client,
    towns: tuple[str, str],
    db: Driver,
    partners: list[tuple[str, str, int, int]],
    new: list[tuple[str, str, int, int]],
    status: int,
    says: str,
) -> None:
    town, _ = towns
    _, tokens = started(graphql, town, ["school"])
    before = tenant_state(db, town)
    answer = send(client, tokens["school"], partners, new)
    assert answer.status_code == status, answer.text
    assert says in answer.text
    assert tenant_state(db, town) == before


def test_malformed_bodies_are_refused_plainly(
    graphql: GraphQL, client: httpx.Client, towns: tuple[str, str], db: Driver
) -> None:
    town, _ = towns
    _, tokens = started(graphql, town, ["school"])
    before = tenant_state(db, town)
    url = f"/respond/{tokens['school']}/answers"
    for body in (
        {"partners": "club"},
        {"partners": [1, 2]},
        {"secret": 1},
        [],
        {"partners": [{"partner": "club"}] * 401},
    ):
        answer = client.post(url, json=body)
        assert answer.status_code in (400, 422), (body, answer.text)
        assert answer.text.strip()
    assert client.post(
        url, content=b"\xff\xfe not json", headers={"Content-Type": "application/json"}
    ).status_code in (400, 422)
    assert tenant_state(db, town) == before


def test_links_that_do_not_work_get_a_plain_page_in_the_visitor_s_language(
    graphql: GraphQL, client: httpx.Client, towns: tuple[str, str], db: Driver
) -> None:
    town, _ = towns
    round_id, tokens = started(graphql, town, ["school", "club"])
    unknown = client.get("/respond/gss_" + "x" * 43, headers={"Accept-Language": "da-DK,da;q=0.9"})
    assert unknown.status_code == 404 and "Der er ikke noget spørgeskema på dette link" in unknown.text
    english = client.get("/respond/not-a-token", headers={"Accept-Language": "en"})
    assert english.status_code == 404 and "There is no questionnaire at this link" in english.text
    # Past its closing date (the round is not closed yet): the link stops working anyway.
    db.execute_query(
        "MATCH (r:SurveyRound {tenant: $t, id: $id}) SET r.closes_at = datetime() - duration('PT1M')",
        t=town,
        id=round_id,
    )
    before = tenant_state(db, town)
    answer = send(client, tokens["school"], [("club", "weekly", 3, 3)])
    assert answer.status_code == 410 and answer.json()["reason"] == "expired"
    page = client.get(f"/respond/{tokens['school']}", headers={"Accept-Language": "da"})
    assert page.status_code == 410 and "Fristen for partnerundersøgelsen er overskredet" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text
    assert client.get(f"/respond/{tokens['school']}/map.html").status_code == 410
    assert tenant_state(db, town) == before


def test_round_names_and_choices_are_checked_before_anything_is_written(
    graphql: GraphQL, auth: Headers, towns: tuple[str, str], db: Driver
) -> None:
    town, _ = towns
    auth(town)  # the user exists before the state is read
    before = tenant_state(db, town)
    for name, respondents, days, says in (
        ("<b>Runde</b>", ["school"], 14, "no control characters, < or >"),
        ("", ["school"], 14, "needs a name"),
        ("Runde", [], 14, "choose at least one organisation"),
        ("Runde", ["school"], -1, "closesOn: from today"),
        ("Runde", ["school"], 400, "closesOn: from today"),
        ("Runde", ["school", "yp-1"], 14, "there is no organisation with id 'yp-1'"),
        ("Runde", ["school", "hvalsoe"], 14, "there is no organisation with id 'hvalsoe'"),
        ("now", ["school"], 14, "stands for the network as it is now"),
    ):
        made = start_round(graphql, town, respondents, name=name, days=days)
        assert made["__typename"] in ("InvalidInputError", "NotFoundError"), made
        assert says in made["message"], made
    assert tenant_state(db, town) == before


def test_nothing_a_link_reaches_names_a_young_person_or_a_contact_person(
    graphql: GraphQL, client: httpx.Client, towns: tuple[str, str]
) -> None:
    town, _ = towns
    _, tokens = started(graphql, town, ["club"])
    token = tokens["club"]
    assert send(client, token, [("school", "weekly", 3, 3)]).is_success
    answers = [
        client.get(f"/respond/{token}"),
        client.get(f"/respond/{token}/questionnaire"),
        client.get(f"/respond/{token}/map.html"),
        *(
            client.get(f"/respond/{token}/organisations", params={"q": q})
            for q in ("Blå", "Mette", "p", "yp")
        ),
    ]
    for answer in answers:
        assert answer.status_code == 200
        for word in (YOUNG_PERSON, *CONTACT, '"yp-1"', '"p-1"'):
            assert word not in answer.text, (answer.url, word)
