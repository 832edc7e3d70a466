"""Answers given through survey links and the same answers imported from a spreadsheet are one
data set: the spreadsheet survey import of the answers gives the very same ties, and imported
into the tenant that already holds them it finds nothing to change."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Actor
from graphsvc.io.tabular import ImportKind
from graphsvc.services.imports import ImportOptions, import_file
from tests.api.surveys import ROUND_NAME, GraphQL, collaborations, round_of, send, started, survey_status
from tests.conftest import scope_for
from tests.survey_town import survey_town

pytestmark = pytest.mark.neo4j

APPROVE = """mutation($id: ID!) { approveSurveySuggestion(id: $id, input: {kind: ASSOCIATION,
  sector: CIVIL_SOCIETY}) { __typename ... on SurveySuggestion { actor { id } } } }"""
# Respondent -> what it answers at the end (after one change of mind on the way).
ANSWERS = {
    "school": [("club", "weekly", 4, 3), ("library", "monthly", 2, 2), ("fund", "yearly", 3, 4)],
    "club": [("school", "daily", 3, 4), ("scouts", "weekly", 4, 4)],
    "scouts": [("club", "rarely", 1, 2)],
}


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


def survey_csv(answers: dict[str, list[tuple[str, str, int, int]]], not_answered: list[str]) -> bytes:
    rows = ["respondent;partner;frequency;trust;value"]
    rows += [f"{r};{p};{f};{t};{v}" for r, given in answers.items() for p, f, t, v in given]
    rows += [f"{r};;;;" for r in not_answered]
    return ("\n".join(rows) + "\n").encode()


async def test_a_spreadsheet_of_the_same_answers_gives_the_same_ties(
    graphql: GraphQL, client: httpx.Client, store: GraphStore, tenant: str, db: Driver
) -> None:
    twin = f"{tenant}-twin"
    await NetworkRepository(store).write(survey_town(tenant))
    await NetworkRepository(store).write(survey_town(twin))
    round_id, tokens = started(graphql, tenant, ["school", "club", "scouts", "library"])
    assert send(client, tokens["club"], [("library", "weekly", 2, 2)]).is_success  # changed below
    assert send(
        client, tokens["scouts"], ANSWERS["scouts"], [("Hvalsø Petanque", "monthly", 3, 3)]
    ).is_success
    assert send(client, tokens["school"], ANSWERS["school"]).is_success
    assert send(client, tokens["club"], ANSWERS["club"]).is_success
    suggestion = round_of(graphql, tenant, round_id)["suggestions"][0]
    new = graphql(APPROVE, tenant, id=suggestion["id"])["data"]["approveSurveySuggestion"]["actor"]["id"]
    # The organisation approved from a suggestion is an actor like the others in the twin too.
    created = next(n for n in (await NetworkRepository(store).read(tenant)).nodes if n.id == new)
    assert isinstance(created, Actor)
    await NetworkRepository(store).write(
        survey_town(twin).model_copy(
            update={"nodes": (created.model_copy(update={"tenant": twin}),), "ties": ()}
        )
    )
    answers = {**ANSWERS, "scouts": [*ANSWERS["scouts"], (new, "monthly", 3, 3)]}
    sheet = survey_csv(answers, not_answered=["library"])

    options = ImportOptions(kind=ImportKind.SURVEY, survey=ROUND_NAME)
    report = await import_file(scope_for(store, twin), sheet, file_name="svar.csv", options=options)
    assert report.written and not report.errors, [str(e) for e in report.errors]
    assert collaborations(db, twin) == collaborations(db, tenant)
    assert survey_status(db, twin) == survey_status(db, tenant)
    assert collaborations(db, tenant)["school", "club"]["reciprocated"] is True  # the check can see a value

    dry = ImportOptions(kind=ImportKind.SURVEY, survey=ROUND_NAME, dry_run=True)
    again = await import_file(scope_for(store, tenant), sheet, file_name="svar.csv", options=dry)
    assert not again.errors
    ties = again.counts["ties"]
    assert (ties.new, ties.changed, ties.unchanged) == (0, 0, 7)
