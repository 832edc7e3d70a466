"""What the partner-survey tests share: starting a round over GraphQL, answering through a
link over HTTP, and reading the survey's ties straight from Neo4j."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from neo4j import Driver

GraphQL = Callable[..., dict[str, Any]]

ROUND_NAME = "Partnerundersøgelse 2026"
START = """mutation($input: SurveyRoundInput!) { startSurveyRound(input: $input) { __typename
  ... on NewSurveyRound { round { id name status invited answered closesOn }
                          invitations { organisation { id name } token url expiresAt } }
  ... on InvalidInputError { problems { record problem } } ... on Error { message } } }"""
ROUND = """query($id: ID!) { surveyRound(id: $id) { id name status invited answered responseRate
  snapshotName closedAt
  respondents { organisation { id name } answered partnersNamed links workingLinks }
  reciprocity { mutualPairs oneSided unanswered rate pairs { source { id } target { id } status } }
  suggestions { id name status suggestedBy { id } actor { id name } } } }"""
Answer = tuple[str, str, int, int]  # partner, frequency, trust, value


def start_round(
    graphql: GraphQL,
    tenant: str,
    respondents: Iterable[str],
    *,
    name: str = ROUND_NAME,
    days: int = 14,
    as_role: str = "coordinator",
) -> dict[str, Any]:
    """The answer of startSurveyRound (its ``__typename`` says whether it started)."""
    closes = (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
    body = graphql(
        START,
        tenant,
        as_role=as_role,
        input={"name": name, "closesOn": closes, "respondentIds": list(respondents)},
    )
    assert "errors" not in body, body
    return body["data"]["startSurveyRound"]  # type: ignore[no-any-return]


def started(
    graphql: GraphQL, tenant: str, respondents: Iterable[str], **options: Any
) -> tuple[str, dict[str, str]]:
    """A round started for ``respondents``: its id and each respondent's token."""
    made = start_round(graphql, tenant, respondents, **options)
    assert made["__typename"] == "NewSurveyRound", made
    return made["round"]["id"], {i["organisation"]["id"]: i["token"] for i in made["invitations"]}


def send(
    client: httpx.Client,
    token: str,
    partners: Iterable[Answer] = (),
    new: Iterable[Answer] = (),
    *,
    respondent: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """POST a respondent's answers through its link."""
    body: dict[str, Any] = {
        "partners": [{"partner": p, "frequency": f, "trust": t, "value": v} for p, f, t, v in partners],
        "newPartners": [{"name": n, "frequency": f, "trust": t, "value": v} for n, f, t, v in new],
    }
    if respondent is not None:
        body["respondent"] = respondent
    return client.post(f"/respond/{token}/answers", json=body, headers=headers or {})


def round_of(graphql: GraphQL, tenant: str, round_id: str) -> dict[str, Any]:
    body = graphql(ROUND, tenant, id=round_id)
    assert "errors" not in body, body
    return body["data"]["surveyRound"]  # type: ignore[no-any-return]


def collaborations(db: Driver, tenant: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Every COLLABORATES_WITH tie of the tenant: (source, target) -> its properties."""
    records, _, _ = db.execute_query(
        """MATCH (a:Actor {tenant: $tenant})-[r:COLLABORATES_WITH]->(b:Actor {tenant: $tenant})
           RETURN a.id AS a, b.id AS b, properties(r) AS props""",
        tenant=tenant,
        database_="neo4j",
    )
    return {(r["a"], r["b"]): dict(r["props"]) for r in records}


def survey_status(db: Driver, tenant: str) -> dict[str, str]:
    records, _, _ = db.execute_query(
        """MATCH (a:Actor {tenant: $tenant}) WHERE a.survey_status IS NOT NULL
           RETURN a.id AS id, a.survey_status AS s""",
        tenant=tenant,
        database_="neo4j",
    )
    return {r["id"]: r["s"] for r in records}
