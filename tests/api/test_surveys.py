"""The partner survey over real HTTP against the real Neo4j: a coordinator starts a round, the
respondents answer through their personal links, their answers become collaboration ties with
reciprocity settled, and the round is followed, reminded, revoked and closed (with a snapshot).

Who may do what, and what a link reveals, are in ``test_survey_access.py``."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from graphsvc.api.access_log import redact
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from tests.api.surveys import (
    ROUND_NAME,
    GraphQL,
    collaborations,
    round_of,
    send,
    start_round,
    started,
    survey_status,
)
from tests.survey_town import ORGANISATIONS, survey_town

pytestmark = pytest.mark.neo4j

CLOSE = """mutation($id: ID!, $snap: Boolean!) { closeSurveyRound(id: $id, takeSnapshot: $snap) {
  __typename ... on ClosedSurveyRound { round { status closedAt snapshotName } snapshot { name actors } }
  ... on Error { message } } }"""
NEW_LINK = """mutation($round: ID!, $who: ID!) { newSurveyLink(roundId: $round, respondentId: $who) {
  __typename ... on SurveyInvitation { token url organisation { name } } ... on Error { message } } }"""
REVOKE = """mutation($round: ID!, $who: ID!) { revokeSurveyLinks(roundId: $round, respondentId: $who) {
  __typename ... on SurveyRespondent { workingLinks links } ... on Error { message } } }"""
APPROVE = """mutation($id: ID!, $input: ApproveSuggestionInput!) {
  approveSurveySuggestion(id: $id, input: $input) {
    __typename ... on SurveySuggestion { status actor { id name } suggestedBy { id } }
    ... on Error { message } } }"""
MERGE = """mutation($id: ID!, $actor: ID!) { mergeSurveySuggestion(id: $id, actorId: $actor) {
  __typename ... on SurveySuggestion { status actor { id } } ... on Error { message } } }"""
REJECT = """mutation($id: ID!) { rejectSurveySuggestion(id: $id) {
  __typename ... on SurveySuggestion { status } ... on Error { message } } }"""


@pytest.fixture
async def town(store: GraphStore, tenant: str) -> str:
    await NetworkRepository(store).write(survey_town(tenant))
    return tenant


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


def test_a_round_gives_each_respondent_a_working_personal_link(
    graphql: GraphQL, client: httpx.Client, town: str, api_url: str, db: Driver
) -> None:
    made = start_round(graphql, town, ["school", "club", "scouts"])
    assert made["__typename"] == "NewSurveyRound", made
    assert made["round"] | {"id": None, "closesOn": None} == {
        "id": None,
        "name": ROUND_NAME,
        "status": "OPEN",
        "invited": 3,
        "answered": 0,
        "closesOn": None,
    }
    invitations = {i["organisation"]["name"]: i for i in made["invitations"]}
    assert set(invitations) == {"Hvalsø Skole", "Hvalsø Klatreklub", "Hvalsø Spejderne"}
    school = invitations["Hvalsø Skole"]
    assert school["url"] == f"{api_url}/respond/{school['token']}" and school["token"].startswith("gss_")
    page = client.get(f"/respond/{school['token']}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    form = client.get(f"/respond/{school['token']}/questionnaire").json()
    assert form == {
        "round": {"name": ROUND_NAME, "closesOn": made["round"]["closesOn"]},
        "respondent": {"id": "school", "name": "Hvalsø Skole"},
        "answered": False,
        "partners": [],
        "newPartners": [],
    }
    # Only the token's hash is stored; invited organisations have not answered yet.
    stored, _, _ = db.execute_query("MATCH (l:SurveyLink {tenant: $t}) RETURN l.hash AS h", t=town)
    assert len(stored) == 3 and all(school["token"] not in str(r["h"]) for r in stored)
    assert survey_status(db, town) == dict.fromkeys(["school", "club", "scouts"], "not_answered")


def test_answers_become_collaboration_ties_and_reciprocity_follows_every_change(
    graphql: GraphQL, client: httpx.Client, town: str, db: Driver
) -> None:
    round_id, tokens = started(graphql, town, ["school", "club", "scouts"])
    assert send(client, tokens["school"], [("club", "weekly", 4, 3), ("library", "monthly", 2, 2)]).is_success
    ties = collaborations(db, town)
    # The coordinator's own facts about school -> club stay; the answer is added to them.
    assert ties["school", "club"] == {
        "strength": 3,
        "since": 2025,
        "frequency": "weekly",
        "trust": 4,
        "value": 3,
        "survey": ROUND_NAME,
    }  # reciprocated unknown: the club has not answered
    assert ties["school", "library"] == {"frequency": "monthly", "trust": 2, "value": 2, "survey": ROUND_NAME}

    assert send(client, tokens["club"], [("school", "daily", 3, 4)]).is_success
    ties = collaborations(db, town)
    assert ties["school", "club"]["reciprocated"] is True and ties["club", "school"]["reciprocated"] is True

    # The scouts answer without naming the school: nothing changes for school -> club.
    assert send(client, tokens["scouts"], [("club", "yearly", 1, 1)]).is_success
    ties = collaborations(db, town)
    assert ties["scouts", "club"]["reciprocated"] is False  # the club answered without naming them

    # The club changes its answer: it names the scouts instead of the school.
    assert send(client, tokens["club"], [("scouts", "monthly", 2, 3)]).is_success
    ties = collaborations(db, town)
    assert ("club", "school") not in ties  # the answer was all that tie held
    assert ties["school", "club"]["reciprocated"] is False
    assert ties["scouts", "club"]["reciprocated"] is True and ties["club", "scouts"]["reciprocated"] is True

    # The school takes its answer about the club back: the coordinator's facts remain.
    assert send(client, tokens["school"], [("library", "monthly", 2, 2)]).is_success
    assert collaborations(db, town)["school", "club"] == {"strength": 3, "since": 2025}
    assert survey_status(db, town) == dict.fromkeys(["school", "club", "scouts"], "answered")

    found = round_of(graphql, town, round_id)
    assert (found["invited"], found["answered"], found["responseRate"]) == (3, 3, 1.0)
    reciprocity = found["reciprocity"]
    assert (reciprocity["mutualPairs"], reciprocity["oneSided"], reciprocity["unanswered"]) == (1, 0, 1)
    assert {(p["source"]["id"], p["target"]["id"], p["status"]) for p in reciprocity["pairs"]} == {
        ("club", "scouts", "MUTUAL"),
        ("school", "library", "UNANSWERED"),
    }
    form = client.get(f"/respond/{tokens['school']}/questionnaire").json()
    assert form["answered"] is True
    assert form["partners"] == [
        {"partner": "library", "name": "Hvalsø Bibliotek", "frequency": "monthly", "trust": 2, "value": 2}
    ]


def test_every_answer_is_audited_with_the_link_that_sent_it(
    graphql: GraphQL, client: httpx.Client, town: str
) -> None:
    _, tokens = started(graphql, town, ["school"])
    assert send(client, tokens["school"], [("club", "weekly", 4, 3)]).is_success
    body = graphql('{ auditLog(nodeId: "school", first: 5) { actor action after } }', town, as_role="admin")
    assert "errors" not in body, body
    entries = body["data"]["auditLog"]
    answer = next(e for e in entries if e["action"] == "answer partner survey")
    assert answer["actor"].startswith("survey link ") and "(school)" in answer["actor"]
    assert '"partner": "club"' in str(answer["after"]) or "club" in str(answer["after"])
    assert any(e["action"] == "start survey round" for e in entries)


def test_a_suggested_organisation_is_approved_merged_or_rejected(
    graphql: GraphQL, client: httpx.Client, town: str, db: Driver
) -> None:
    round_id, tokens = started(graphql, town, ["school", "club", "scouts"])
    assert send(client, tokens["school"], [], [("Hvalsø Petanque", "monthly", 3, 2)]).is_success
    assert send(
        client, tokens["club"], [], [("hvalsø  petanque", "weekly", 4, 4), ("Byens Bageri", "rarely", 1, 1)]
    ).is_success
    assert send(
        client, tokens["scouts"], [], [("Fjordlev Esport", "weekly", 3, 3), ("Spam", "daily", 1, 1)]
    ).is_success
    assert send(
        client, tokens["club"], [("esport", "weekly", 2, 2)], [("Hvalsø Petanque", "weekly", 4, 4)]
    ).is_success
    form = client.get(f"/respond/{tokens['club']}/questionnaire").json()
    assert [s["name"] for s in form["newPartners"]] == ["Hvalsø Petanque"]  # the bakery was taken back
    suggestions = {s["name"].casefold(): s for s in round_of(graphql, town, round_id)["suggestions"]}
    petanque = suggestions["hvalsø petanque"]
    assert {o["id"] for o in petanque["suggestedBy"]} == {"school", "club"}  # one name, both respondents
    assert collaborations(db, town).keys() == {("school", "club"), ("club", "esport")}  # none yet

    approved = graphql(
        APPROVE, town, id=petanque["id"], input={"kind": "ASSOCIATION", "sector": "CIVIL_SOCIETY"}
    )
    made = approved["data"]["approveSurveySuggestion"]
    assert made["status"] == "APPROVED" and made["actor"]["name"] == "Hvalsø Petanque", made
    new_id = made["actor"]["id"]
    ties = collaborations(db, town)
    assert ties["school", new_id] == {"frequency": "monthly", "trust": 3, "value": 2, "survey": ROUND_NAME}
    assert ties["club", new_id]["trust"] == 4
    again = graphql(
        APPROVE, town, id=petanque["id"], input={"kind": "ASSOCIATION", "sector": "CIVIL_SOCIETY"}
    )
    assert again["data"]["approveSurveySuggestion"]["__typename"] == "InvalidInputError"

    merged = graphql(MERGE, town, id=suggestions["fjordlev esport"]["id"], actor="esport")
    assert merged["data"]["mergeSurveySuggestion"]["status"] == "MERGED"
    assert collaborations(db, town)["scouts", "esport"]["frequency"] == "weekly"
    rejected = graphql(REJECT, town, id=suggestions["spam"]["id"])
    assert rejected["data"]["rejectSurveySuggestion"]["status"] == "REJECTED"
    assert not [k for k in collaborations(db, town) if "spam" in k[1]]
    # The club now sees the approved organisation as a partner like any other.
    form = client.get(f"/respond/{tokens['club']}/questionnaire").json()
    assert {p["name"] for p in form["partners"]} == {"Hvalsø Petanque", "Fjordlev E-sport"}
    assert form["newPartners"] == []


def test_a_reminder_makes_a_new_link_and_revoking_stops_them_all(
    graphql: GraphQL, client: httpx.Client, town: str, db: Driver
) -> None:
    round_id, tokens = started(graphql, town, ["school", "club"])
    made = graphql(NEW_LINK, town, round="round-nope", who="club")["data"]["newSurveyLink"]
    assert made["__typename"] == "NotFoundError"
    made = graphql(NEW_LINK, town, round=round_id, who="club")["data"]["newSurveyLink"]
    assert made["__typename"] == "SurveyInvitation" and made["organisation"]["name"] == "Hvalsø Klatreklub"
    for token in (tokens["club"], made["token"]):  # the first link keeps working
        assert client.get(f"/respond/{token}/questionnaire").status_code == 200
    revoked = graphql(REVOKE, town, round=round_id, who="club")["data"]["revokeSurveyLinks"]
    assert revoked == {"__typename": "SurveyRespondent", "workingLinks": 0, "links": 2}
    for token in (tokens["club"], made["token"]):
        answer = client.get(f"/respond/{token}/questionnaire")
        assert answer.status_code == 410 and answer.json()["reason"] == "revoked"
        assert send(client, token, [("school", "weekly", 3, 3)]).status_code == 410
        page = client.get(f"/respond/{token}", headers={"Accept-Language": "da"})
        assert page.status_code == 410 and "Linket er trukket tilbage" in page.text
    assert collaborations(db, town) == {("school", "club"): {"strength": 3, "since": 2025}}
    assert client.get(f"/respond/{tokens['school']}/questionnaire").status_code == 200


def test_closing_a_round_stops_every_link_and_takes_its_snapshot(
    graphql: GraphQL, client: httpx.Client, town: str
) -> None:
    round_id, tokens = started(graphql, town, ["school", "club"])
    assert send(client, tokens["school"], [("club", "weekly", 4, 3)]).is_success
    closed = graphql(CLOSE, town, id=round_id, snap=True)["data"]["closeSurveyRound"]
    assert closed["__typename"] == "ClosedSurveyRound", closed
    assert closed["round"]["status"] == "CLOSED" and closed["round"]["snapshotName"] == ROUND_NAME
    assert closed["snapshot"] == {"name": ROUND_NAME, "actors": len(ORGANISATIONS) + 1}
    answer = send(client, tokens["club"], [("school", "weekly", 3, 3)])
    assert answer.status_code == 410 and answer.json()["reason"] == "closed"
    page = client.get(f"/respond/{tokens['club']}", headers={"Accept-Language": "en-GB,en;q=0.9,da;q=0.5"})
    assert page.status_code == 410 and "The partner survey is closed" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    # Closing twice changes nothing; another round may not take the same name.
    again = graphql(CLOSE, town, id=round_id, snap=True)["data"]["closeSurveyRound"]
    assert again["round"]["closedAt"] == closed["round"]["closedAt"] and again["snapshot"] is None
    assert (
        start_round(graphql, town, ["school"], name=f" {ROUND_NAME.upper()} ")["__typename"]
        == "DuplicateError"
    )


def test_the_respondent_s_ego_map_is_its_own_one_step_without_people(
    graphql: GraphQL, client: httpx.Client, town: str
) -> None:
    _, tokens = started(graphql, town, ["school", "club"])
    assert send(client, tokens["club"], [("esport", "weekly", 3, 3)]).is_success
    page = client.get(f"/respond/{tokens['school']}/map.html", params={"lang": "en"})
    assert page.status_code == 200, page.text[:300]
    assert page.headers["content-security-policy"].endswith("frame-ancestors 'self'")
    assert "Hvalsø Skole" in page.text and "Hvalsø Klatreklub" in page.text
    assert "Fjordlev E-sport" not in page.text  # the club's partner: two steps from the school
    for personal in ("Blå Ræv", "Mette Jensen", "mette@example.dk", "YoungPeopleGroup"):
        assert personal not in page.text
    assert not re.search(r"(?<![\w-])(yp-1|p-1)(?![\w-])", page.text)


def test_the_access_log_never_shows_a_survey_token() -> None:
    assert redact("/respond/gss_S3cret/answers") == "/respond/…/answers"
    assert redact("/respond/gss_S3cret") == "/respond/…"
